package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The order and the stored form of a unique index's keys in the H2 file. The stock map type compares keys it does
 * not know (every {@link KeyValue}) by Java-serializing both sides on every comparison, which made index lookups the
 * embedded server's main cost. This compares the normalized values themselves: first by class, then by their natural
 * order (the order of a map changed once, {@link StoreFormat}).
 * <p>
 * The stock type also wrote each key Java-serialized, class descriptors and all, whenever its page was written,
 * which every durable commit does for the pages it touched. A key is now written under a tag of its own as its
 * count of values, each in the stock type's compact form. Keys written the old way still read, so a file needs no
 * conversion: its pages take the new form as they are written again.
 */
final class IndexKeyOrder extends ObjectDataType {

    static final IndexKeyOrder INSTANCE = new IndexKeyOrder();

    /** Not a tag of the stock type (which uses 0-19, 32-49 and 64-119). */
    static final byte KEY_VALUE_TAG = 60;

    private static final int KEY_VALUE_MEMORY = 32;
    private static final int VALUE_REFERENCE_MEMORY = 8;
    private static final int STRING_MEMORY = 48;
    private static final int ARRAY_MEMORY = 24;
    private static final int BOXED_MEMORY = 24;

    private IndexKeyOrder() {
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue values) {
            buffer.put(KEY_VALUE_TAG).putVarInt(values.size());
            for (Object value : values) {
                super.write(buffer, value);
            }
        } else {
            super.write(buffer, key);
        }
    }

    /**
     * The heap a key takes, by which H2 splits pages (at 16 KB) and fills its page cache. The stock type guesses
     * 10,000 bytes for any object it would Java-serialize, every {@link KeyValue} included, and only learns better
     * from keys it serializes, which this type never does: pages then held one or two keys (an index of 2,000 keys
     * was 11 levels deep), and the cache held a few thousand keys.
     */
    @Override
    public int getMemory(Object key) {
        if (key instanceof KeyValue values) {
            int memory = KEY_VALUE_MEMORY;
            for (Object value : values) {
                memory += VALUE_REFERENCE_MEMORY + valueMemory(value);
            }
            return memory;
        }
        return super.getMemory(key);
    }

    private static int valueMemory(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            return STRING_MEMORY + text.length();
        }
        if (value instanceof byte[] bytes) {
            return ARRAY_MEMORY + bytes.length;
        }
        if (value instanceof List<?> list) {
            int memory = ARRAY_MEMORY;
            for (Object element : list) {
                memory += VALUE_REFERENCE_MEMORY + valueMemory(element);
            }
            return memory;
        }
        // Boxed numbers, booleans, dates, ids; sub-documents are rare as keys.
        return BOXED_MEMORY;
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != KEY_VALUE_TAG) {
            return super.read(buffer);
        }
        buffer.get();
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < values.length; i++) {
            values[i] = super.read(buffer);
        }
        return new KeyValue(values);
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int c = compareValues(left.get(i), right.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return super.compare(a, b);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (a instanceof List<?> left) {
            List<?> right = (List<?>) b;
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int c = compareValues(left.get(i), right.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        if (a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        if (a instanceof byte[] left) {
            return Arrays.compareUnsigned(left, (byte[]) b);
        }
        // Sub-documents and other rare keys: equal exactly when their serialized forms are.
        return compareNotNull(serialize(a), serialize(b));
    }
}
