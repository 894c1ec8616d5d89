package org.dyad.web.security;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Security matches its URL patterns ({@code /api/**}, {@code /login}) as path patterns, by the path alone. With
 * Spring MVC present it would ask MVC's handler mappings which handler each request goes to, and Spring MVC's
 * introspector, which answers that, looked the handler up for every request before the security filters ran, in a
 * filter Spring Security puts in front of them: a second lookup of the handler the dispatcher finds anyway, about
 * 4 % of a recorded goal's CPU. Nothing asks the introspector now, so its per-request cache is left out.
 */
@Configuration(proxyBeanMethods = false)
public class PathPatternMatching {

    static final String INTROSPECTOR = "mvcHandlerMappingIntrospector";

    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Security's privilege checks rebuild a request from a path too, instead of through the introspector. */
    @Bean
    static PathPatternRequestTransformer pathPatternRequestTransformer() {
        return new PathPatternRequestTransformer();
    }

    @Bean
    static BeanDefinitionRegistryPostProcessor introspectorWithoutRequestCache() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                if (!registry.containsBeanDefinition(INTROSPECTOR)) {
                    return;
                }
                RootBeanDefinition uncached = new RootBeanDefinition(UncachedIntrospector.class);
                uncached.setLazyInit(true);
                uncached.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
                registry.removeBeanDefinition(INTROSPECTOR);
                registry.registerBeanDefinition(INTROSPECTOR, uncached);
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            }
        };
    }

    /** Spring MVC's introspector, whose request cache filter passes every request straight on. */
    static final class UncachedIntrospector extends HandlerMappingIntrospector {

        @Override
        public Filter createCacheFilter() {
            return (request, response, chain) -> chain.doFilter(request, response);
        }
    }
}
