package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

import java.util.Arrays;
import java.util.List;

/**
 * The order of a unique index's keys in the H2 file. The stock map type compares keys it does not know (every
 * {@link KeyValue}) by Java-serializing both sides on every comparison, which made index lookups the embedded
 * server's main cost. This compares the normalized values themselves: first by class, then by their natural order.
 * Keys are still written and read exactly as before; only the order of a map changes ({@link StoreFormat}).
 */
final class IndexKeyOrder extends ObjectDataType {

    static final IndexKeyOrder INSTANCE = new IndexKeyOrder();

    private IndexKeyOrder() {
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
