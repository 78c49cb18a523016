package io.github.matomotracking.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: every value type carries this annotation.
 *
 * <p>Abstract value types are interfaces or abstract classes named plainly ({@code Visit}); the
 * generated implementation is {@code ImmutableVisit} with a builder. Accessors are plain names
 * (no {@code get} prefix), only the JDK is used, and nulls given to an {@code Optional}
 * attribute's builder method mean "absent".
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    optionalAcceptNullable = true,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true, prehash = false),
    allowedClasspathAnnotations = {Override.class})
public @interface MatomoStyle {}
