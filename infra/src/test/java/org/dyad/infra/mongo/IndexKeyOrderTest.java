package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeyOrderTest {

    private static final List<KeyValue> KEYS = List.of(
            new KeyValue("case-" + UUID.randomUUID() + ":17"),
            new KeyValue(42L),
            new KeyValue(7, 3.5, true),
            new KeyValue("north", null),
            new KeyValue(List.of("a", 1L)),
            new KeyValue(new byte[]{1, 2, 3}),
            new KeyValue(Map.of("nested", "value")));

    private static ByteBuffer written(ObjectDataType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        return buffer.getBuffer().flip();
    }

    @Test
    void keysReadBackEqualAndInTheirOwnCompactForm() {
        for (KeyValue key : KEYS) {
            ByteBuffer bytes = written(IndexKeyOrder.INSTANCE, key);
            assertThat(bytes.get(0)).isEqualTo(IndexKeyOrder.KEY_VALUE_TAG);
            Object read = IndexKeyOrder.INSTANCE.read(bytes);
            assertThat(read).isInstanceOf(KeyValue.class);
            assertThat(IndexKeyOrder.INSTANCE.compare(read, key)).isZero();
            assertThat(bytes.remaining()).isZero();
        }
        KeyValue aggregateKey = new KeyValue("case-" + UUID.randomUUID() + ":17");
        int compact = written(IndexKeyOrder.INSTANCE, aggregateKey).remaining();
        int stock = written(new ObjectDataType(), aggregateKey).remaining();
        assertThat(compact).isLessThan(stock / 3);
    }

    @Test
    void keysWrittenJavaSerializedByTheStockTypeStillRead() {
        for (KeyValue key : KEYS) {
            Object read = IndexKeyOrder.INSTANCE.read(written(new ObjectDataType(), key));
            assertThat(IndexKeyOrder.INSTANCE.compare(read, key)).isZero();
        }
    }

    @Test
    void otherValuesAreWrittenAsTheStockTypeWritesThem() {
        for (Object value : List.of("text", 12L, 3)) {
            ByteBuffer ours = written(IndexKeyOrder.INSTANCE, value);
            ByteBuffer stock = written(new ObjectDataType(), value);
            assertThat(ours).isEqualTo(stock);
            assertThat(IndexKeyOrder.INSTANCE.read(ours)).isEqualTo(value);
        }
        byte[] raw = {9, 8};
        assertThat((byte[]) IndexKeyOrder.INSTANCE.read(written(IndexKeyOrder.INSTANCE, raw))).satisfies(
                bytes -> assertThat(Arrays.equals(bytes, raw)).isTrue());
    }

    @Test
    void aKeyIsCountedAtAboutTheHeapItTakes() {
        assertThat(IndexKeyOrder.INSTANCE.getMemory(new KeyValue("case-" + UUID.randomUUID() + ":17")))
                .isBetween(64, 200);
        assertThat(IndexKeyOrder.INSTANCE.getMemory(new KeyValue(42.0))).isBetween(32, 100);
        for (KeyValue key : KEYS) {
            assertThat(IndexKeyOrder.INSTANCE.getMemory(key)).isBetween(32, 1_000);
        }
    }

    @Test
    void aFileIndexOfManyKeysHasFullPagesAndFewLevels(@TempDir Path dir) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("index.mv").toString()).open();
        try {
            MVMap<KeyValue, Object> index = store.openMap("index", StoreFormat.indexMap());
            int keys = 20_000;
            for (long n = 1; n <= keys; n++) {
                index.put(new KeyValue("case-" + UUID.randomUUID() + ":" + n), n);
            }
            store.commit();
            Page<KeyValue, Object> page = index.getRootPage();
            int levels = 1;
            while (!page.isLeaf()) {
                page = page.getChildPage(0);
                levels++;
            }
            // 48 keys a page at most: three or four levels; when each key counted as 10 kB, pages held one or two.
            assertThat(levels).isLessThanOrEqualTo(4);
            assertThat(page.getKeyCount()).isGreaterThanOrEqualTo(16);
        } finally {
            store.close();
        }
    }
}
