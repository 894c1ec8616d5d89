package org.dyad.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import javax.annotation.Nonnull;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Resolves a command's target as {@link AnnotationCommandTargetResolver} does (the first method, then the first field,
 * annotated {@link TargetAggregateIdentifier} or {@link TargetAggregateVersion}), but finds those members once per
 * command class. Axon's resolver scans every method and field of the class, annotations included, for every command.
 */
public final class CachingCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Accessors> accessors = new ClassValue<>() {
        @Override
        protected Accessors computeValue(Class<?> type) {
            return new Accessors(accessor(type, TargetAggregateIdentifier.class),
                    accessor(type, TargetAggregateVersion.class));
        }
    };

    /** Each {@code (Object)Object}, or null when the class has no such member. */
    private record Accessors(MethodHandle identifier, MethodHandle version) {
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(@Nonnull CommandMessage<?> command) {
        Accessors target = accessors.get(command.getPayloadType());
        Object payload = command.getPayload();
        Object identifier = invoke(target.identifier(), payload);
        if (identifier == null) {
            throw new IllegalArgumentException(String.format(
                    "Invalid command. It does not identify the target aggregate. Make sure at least one of the fields "
                            + "or methods in the [%s] class contains the @TargetAggregateIdentifier annotation and "
                            + "that it returns a non-null value.", command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, asLong(invoke(target.version(), payload)));
    }

    private static MethodHandle accessor(Class<?> type, Class<? extends Annotation> annotation) {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (Method method : ReflectionUtils.methodsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                    ReflectionUtils.ensureAccessible(method);
                    return generic(lookup.unreflect(method));
                }
            }
            for (Field field : ReflectionUtils.fieldsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                    ReflectionUtils.ensureAccessible(field);
                    return generic(lookup.unreflectGetter(field));
                }
            }
        } catch (IllegalAccessException e) {
            throw new AxonConfigurationException("Cannot read the @" + annotation.getSimpleName() + " of "
                    + type.getName(), e);
        }
        return null;
    }

    private static MethodHandle generic(MethodHandle getter) {
        return getter.asType(MethodType.methodType(Object.class, Object.class));
    }

    private static Object invoke(MethodHandle accessor, Object payload) {
        if (accessor == null) {
            return null;
        }
        try {
            return accessor.invokeExact(payload);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information from a "
                    + "command", e);
        }
    }

    private static Long asLong(Object version) {
        if (version == null) {
            return null;
        }
        if (version instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(version.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
    }
}
