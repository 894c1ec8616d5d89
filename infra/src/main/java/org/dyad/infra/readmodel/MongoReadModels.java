package org.dyad.infra.readmodel;

import org.dyad.application.shared.ReadModels;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

@Component
public class MongoReadModels implements ReadModels {

    private final ViewCollections collections;
    private final ViewWriter writer;

    public MongoReadModels(ViewCollections collections, ViewWriter writer) {
        this.collections = collections;
        this.writer = writer;
    }

    @Override
    public boolean writing() {
        return writer.writing();
    }

    @Override
    public void clearViews() {
        Set<String> views = new HashSet<>(ReadModelCollections.ALL);
        views.removeAll(ReadModelCollections.BOARDS);
        collections.deleteAll(views);
    }
}
