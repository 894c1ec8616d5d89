package org.dyad.infra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * An H2 collection that replaces a document found by its string id directly (see {@link #updateDocuments}), and
 * matches a one-field {@code $in} of strings, or of whole numbers, by a hash lookup. The
 * server's matcher walks the whole list for each document it checks, so reading an aggregate's events through the
 * list of their keys cost the square of the list's length. Any other query, or a value of another type, is left to
 * the server's matcher, and the answer is the same either way.
 * <p>
 * A collection {@code sizedWhenAsked} (a read model, rewritten by every rebuild) does not keep its data size as it is
 * written, which cost a BSON encoding of every document written, and of the old one too on a replace; its size is
 * summed when asked ({@code collStats}), at the cost of a read of the whole collection.
 */
final class HashedInCollection extends H2Collection {

    private static final String ID = "_id";

    /** Every document a query checks is matched against the same query object: its list is hashed once. */
    private volatile InList lastQuery = InList.NONE;

    /** Asked at each write, not when opened: a backend opens the stored collections before it knows which. */
    private final BooleanSupplier sizedWhenAsked;
    private final MVMap<Object, Document> documents;

    HashedInCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry,
                       BooleanSupplier sizedWhenAsked) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.sizedWhenAsked = sizedWhenAsked;
        this.documents = dataMap;
    }

    /**
     * A whole-document replace of one document found by its string {@code _id} (how the read models are written)
     * goes straight to the document and its indexes. The server's own path deep-copies the stored document, finds it
     * again through every index and compares whole documents twice, normalizing each value; any other update, or
     * one that finds no document, is left to it. The result is the same, except that the stored document is
     * replaced by a new one rather than changed in place.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        String id = replacedById(selector, updateQuery, arrayFilters, isMulti);
        Document stored = id == null ? null : documents.get(id);
        if (stored == null || (updateQuery.containsKey(ID) && !id.equals(updateQuery.get(ID)))) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        Document replacement = new Document(ID, stored.get(ID));
        replacement.putAll(updateQuery);
        Utils.validateFieldNames(replacement);
        boolean modified = !replacement.equals(stored);
        if (modified) {
            for (Index<Object> index : getIndexes()) {
                index.checkUpdate(stored, replacement, this);
            }
            for (Index<Object> index : getIndexes()) {
                index.updateInPlace(stored, replacement, id, this);
            }
            if (tracksDataSize()) {
                updateDataSize(BsonDocumentType.encodedSize(replacement) - BsonDocumentType.encodedSize(stored));
            }
            handleUpdate(id, stored, replacement);
        }
        oplog.handleUpdate(getFullName(), selector, updateQuery, modified ? List.of(id) : List.of());
        Document result = new Document("n", 1);
        result.put("nModified", modified ? 1 : 0);
        return result;
    }

    /** The {@code _id} of a replace of one document by {@code {_id: <string>}}, else null. */
    private String replacedById(Document selector, Document updateQuery, ArrayFilters arrayFilters, boolean isMulti) {
        if (isMulti || !ID.equals(getIdField()) || (arrayFilters != null && !arrayFilters.isEmpty())
                || selector.size() != 1 || !(selector.get(ID) instanceof String id)) {
            return null;
        }
        for (String field : updateQuery.keySet()) {
            if (field.startsWith("$")) {
                return null;
            }
        }
        return id;
    }

    @Override
    protected boolean tracksDataSize() {
        return !sizedWhenAsked();
    }

    @Override
    protected int getDataSize() {
        if (!sizedWhenAsked()) {
            return super.getDataSize();
        }
        long size = streamAllDocumentsWithPosition()
                .mapToLong(stored -> BsonDocumentType.encodedSize(stored.getDocument())).sum();
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /** Null while H2Collection's constructor runs: it reads the size to log it. */
    private boolean sizedWhenAsked() {
        return sizedWhenAsked != null && sizedWhenAsked.getAsBoolean();
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        InList in = lastQuery;
        if (in.query != query) {
            in = InList.of(query);
            lastQuery = in;
        }
        Object value = in.field == null ? null : document.get(in.field);
        if (in.strings != null && value instanceof String string) {
            return in.strings.contains(string);
        }
        if (in.wholeNumbers != null && (value instanceof Long || value instanceof Integer)) {
            return in.wholeNumbers.contains(((Number) value).longValue());
        }
        return super.documentMatchesQuery(document, query);
    }

    /** {@code {field: {$in: [...]}}} with its values hashed, if they are all strings or all whole numbers. */
    private record InList(Document query, String field, Set<String> strings, Set<Long> wholeNumbers) {

        static final InList NONE = unhashed(null);

        /** A query left to the server's own matcher. */
        static InList unhashed(Document query) {
            return new InList(query, null, null, null);
        }

        static InList of(Document query) {
            if (query.size() != 1) {
                return unhashed(query);
            }
            Map.Entry<String, Object> condition = query.entrySet().iterator().next();
            String field = condition.getKey();
            if (field.startsWith("$") || field.contains(".")
                    || !(condition.getValue() instanceof Document operator) || operator.size() != 1
                    || !(operator.get("$in") instanceof Collection<?> values)) {
                return unhashed(query);
            }
            if (!values.isEmpty() && values.stream().allMatch(String.class::isInstance)) {
                Set<String> strings = new HashSet<>();
                values.forEach(v -> strings.add((String) v));
                return new InList(query, field, strings, null);
            }
            if (!values.isEmpty() && values.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
                Set<Long> numbers = new HashSet<>();
                values.forEach(v -> numbers.add(((Number) v).longValue()));
                return new InList(query, field, null, numbers);
            }
            return unhashed(query);
        }
    }
}
