package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map.Entry;
import java.util.Set;

/**
 * A unique index kept in an H2 map ordered by {@link IndexKeyOrder}; otherwise as the stock H2 index, except that a
 * single field's range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) over numbers or over strings is read
 * from the index in key order, where the stock index leaves the query to a scan of the whole collection.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final MVMap<KeyValue, Object> map;
    private final List<String> keyNames;
    private final Set<String> keyNameSet;
    /** Some key is a path into a subdocument. */
    private final boolean nestedKey;

    OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.keyNames = keys.stream().map(IndexKey::getKey).toList();
        this.keyNameSet = Collections.unmodifiableSet(new LinkedHashSet<>(keyNames));
        this.nestedKey = keyNames.stream().anyMatch(key -> key.contains("."));
    }

    /** The stock index builds this list again, through a stream, for every document it indexes or looks up. */
    @Override
    protected List<String> keys() {
        return keyNames;
    }

    @Override
    protected Set<String> keySet() {
        return keyNameSet;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return range(query) != null || super.canHandle(query);
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
        Range range = range(query);
        return range == null ? super.getPositions(query) : range.positions(map);
    }

    /** The query's range when it is a range of numbers or of strings on this index's single field, else null. */
    private Range range(Document query) {
        if (isCompoundIndex() || query.size() != 1 || !query.containsKey(keys().get(0))
                || !(query.get(keys().get(0)) instanceof Document bounds)
                || bounds.isEmpty() || !RANGE_OPERATORS.containsAll(bounds.keySet())) {
            return null;
        }
        Range range = new Range();
        for (Entry<String, Object> bound : bounds.entrySet()) {
            Comparable<?> key = keyOf(bound.getValue());
            if (key == null || !range.narrow(bound.getKey(), key)) {
                return null;
            }
        }
        return range;
    }

    /**
     * How the server normalizes a value it indexes: a number as a double (unless the long cannot be one), a string
     * as itself; null for any other value.
     */
    private static Comparable<?> keyOf(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (!(value instanceof Number number) || number instanceof Long exact && (long) (double) exact != exact) {
            return null;
        }
        double key = number.doubleValue();
        return Double.isNaN(key) ? null : key == 0.0 ? 0.0 : key;
    }

    /**
     * Lower and upper bounds, each inclusive or not; absent bounds are open. All bounds are of one kind, doubles or
     * strings, and only keys of that kind are in range, as MongoDB compares within a type.
     */
    private static final class Range {
        private Comparable<Object> lower;
        private boolean lowerInclusive;
        private Comparable<Object> upper;
        private boolean upperInclusive;
        private Class<?> kind;

        /** False when the bound is not one this index can answer (then the stock path decides). */
        @SuppressWarnings("unchecked")
        boolean narrow(String operator, Comparable<?> key) {
            if (kind != null && kind != key.getClass()) {
                return false;
            }
            kind = key.getClass();
            Comparable<Object> value = (Comparable<Object>) key;
            switch (operator) {
                case "$gt", "$gte" -> {
                    boolean inclusive = operator.equals("$gte");
                    int c = lower == null ? 1 : value.compareTo(lower);
                    if (c > 0 || (c == 0 && !inclusive)) {
                        lower = value;
                        lowerInclusive = inclusive;
                    }
                }
                default -> {
                    boolean inclusive = operator.equals("$lte");
                    int c = upper == null ? -1 : value.compareTo(upper);
                    if (c < 0 || (c == 0 && !inclusive)) {
                        upper = value;
                        upperInclusive = inclusive;
                    }
                }
            }
            return true;
        }

        List<Object> positions(MVMap<KeyValue, Object> map) {
            List<Object> positions = new ArrayList<>();
            if (lower != null && upper != null && lower.compareTo(upper) > 0) {
                return positions;
            }
            // IndexKeyOrder sorts keys by class first, so the keys of one kind lie together: start at the lower bound
            // or at the first key of the kind, and stop at the upper bound or at the first key beyond the kind.
            KeyValue from = lower != null ? new KeyValue(lower) : kind == Double.class
                    ? new KeyValue(Double.NEGATIVE_INFINITY) : new KeyValue("");
            Cursor<KeyValue, Object> cursor = map.cursor(from, upper == null ? null : new KeyValue(upper), false);
            while (cursor.hasNext()) {
                KeyValue key = cursor.next();
                Object value = key.get(0);
                if (value == null || value.getClass() != kind) {
                    break;
                }
                if ((!lowerInclusive && lower != null && lower.compareTo(value) == 0)
                        || (!upperInclusive && upper != null && upper.compareTo(value) == 0)) {
                    continue;
                }
                positions.add(cursor.getValue());
            }
            return positions;
        }
    }

    /**
     * The collection has checked every index ({@code checkAdd}) before it adds to any, and holds its lock between;
     * the stock {@code add} looks up each key again first. A key found present all the same is still refused.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        if (nestedKey) {
            super.add(document, position, collection);
            return;
        }
        if (isSparse() && noneOf(keyNames, document)) {
            return;
        }
        for (KeyValue keyValue : getKeyValues(document)) {
            if (!putKeyPosition(keyValue, position)) {
                throw new DuplicateKeyError(this, collection, getKeys(), keyValue);
            }
        }
    }

    private static boolean noneOf(List<String> keys, Document document) {
        for (String key : keys) {
            if (document.containsKey(key)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return map.get(keyValue);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
