package org.dyad.infra.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;

/** Loaded aggregates kept on the heap, the least recently used dropped beyond a bound; or no cache at all. */
public final class AggregateCache implements AutoCloseable {

    private final Cache cache;
    private final CacheManager manager;

    private AggregateCache(Cache cache, CacheManager manager) {
        this.cache = cache;
        this.manager = manager;
    }

    public static AggregateCache bounded(int entries) {
        CacheManager manager = CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("aggregates", CacheConfigurationBuilder.newCacheConfigurationBuilder(
                        Object.class, Object.class, ResourcePoolsBuilder.heap(entries)))
                .build(true);
        Ehcache<Object, Object> ehcache = (Ehcache<Object, Object>) manager.getCache("aggregates", Object.class, Object.class);
        return new AggregateCache(new EhCache3Adapter(ehcache), manager);
    }

    public static AggregateCache none() {
        return new AggregateCache(NoCache.INSTANCE, null);
    }

    public Cache cache() {
        return cache;
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
        }
    }
}
