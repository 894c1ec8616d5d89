package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
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
 * single field's numeric range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) is read from the index in key
 * order, where the stock index leaves the query to a scan of the whole collection.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final MVMap<KeyValue, Object> map;
    private final List<String> keyNames;
    private final Set<String> keyNameSet;

    OrderedUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.keyNames = keys.stream().map(IndexKey::getKey).toList();
        this.keyNameSet = Collections.unmodifiableSet(new LinkedHashSet<>(keyNames));
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

    /** The query's range when it is a numeric range on this index's single field, else null. */
    private Range range(Document query) {
        if (isCompoundIndex() || query.size() != 1 || !query.containsKey(keys().get(0))
                || !(query.get(keys().get(0)) instanceof Document bounds)
                || bounds.isEmpty() || !RANGE_OPERATORS.containsAll(bounds.keySet())) {
            return null;
        }
        Range range = new Range();
        for (Entry<String, Object> bound : bounds.entrySet()) {
            if (!(bound.getValue() instanceof Number number) || !range.narrow(bound.getKey(), keyOf(number))) {
                return null;
            }
        }
        return range;
    }

    /** How the server normalizes a number it indexes (a double, unless the long cannot be one). */
    private static Object keyOf(Number number) {
        if (number instanceof Long value && (long) (double) value != value) {
            return null;
        }
        double value = number.doubleValue();
        return Double.isNaN(value) ? null : value == 0.0 ? 0.0 : value;
    }

    /** Lower and upper bounds, each inclusive or not; absent bounds are open. */
    private static final class Range {
        private Double lower;
        private boolean lowerInclusive;
        private Double upper;
        private boolean upperInclusive;

        /** False when the bound is not one this index can answer (then the stock path decides). */
        boolean narrow(String operator, Object key) {
            if (!(key instanceof Double value)) {
                return false;
            }
            switch (operator) {
                case "$gt", "$gte" -> {
                    boolean inclusive = operator.equals("$gte");
                    if (lower == null || value > lower || (value.equals(lower) && !inclusive)) {
                        lower = value;
                        lowerInclusive = inclusive;
                    }
                }
                default -> {
                    boolean inclusive = operator.equals("$lte");
                    if (upper == null || value < upper || (value.equals(upper) && !inclusive)) {
                        upper = value;
                        upperInclusive = inclusive;
                    }
                }
            }
            return true;
        }

        List<Object> positions(MVMap<KeyValue, Object> map) {
            List<Object> positions = new ArrayList<>();
            // Numeric keys sort together (IndexKeyOrder compares classes first); stop at the first key beyond them.
            KeyValue from = new KeyValue(lower == null ? Double.NEGATIVE_INFINITY : lower);
            KeyValue to = new KeyValue(upper == null ? Double.POSITIVE_INFINITY : upper);
            if (lower != null && upper != null && lower > upper) {
                return positions;
            }
            Cursor<KeyValue, Object> cursor = map.cursor(from, to, false);
            while (cursor.hasNext()) {
                KeyValue key = cursor.next();
                if (!(key.get(0) instanceof Double value)) {
                    continue;
                }
                if ((!lowerInclusive && lower != null && value.equals(lower))
                        || (!upperInclusive && upper != null && value.equals(upper))) {
                    continue;
                }
                positions.add(cursor.getValue());
            }
            return positions;
        }
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
