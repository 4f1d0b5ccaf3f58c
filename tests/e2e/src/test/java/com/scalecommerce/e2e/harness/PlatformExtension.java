package com.scalecommerce.e2e.harness;

import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link Platform} before the first end-to-end test class and stops it when the whole test plan is
 * done: the value kept in the root context's store is closed by JUnit at that moment.
 */
final class PlatformExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Platform.class);
    private static final Set<Class<?>> INJECTABLE = Set.of(Platform.class, Shop.class, Mailbox.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, key -> new Running(Platform.get()));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTABLE.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Platform platform = Platform.get();
        Class<?> type = parameter.getParameter().getType();
        if (type == Shop.class) {
            return platform.shop();
        }
        if (type == Mailbox.class) {
            return platform.mailbox();
        }
        return platform;
    }

    /** Closed by JUnit after the last test of the plan. */
    private record Running(Platform platform) implements AutoCloseable {
        @Override
        public void close() {
            platform.stop();
        }
    }
}
