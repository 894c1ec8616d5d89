package org.dyad.web.pages;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Hands tests a {@link Browser} pointed at the running application. Chromium starts once per test run (it is
 * the slow part) and JUnit closes it when the run ends.
 */
final class SharedBrowser implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBrowser.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Browser.class, key -> Browser.start(), Browser.class);
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
        return browser.at(Integer.parseInt(port));
    }
}
