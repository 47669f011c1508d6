package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API versions of a Strimzi property or type, as the annotation of the same name in Strimzi's
 * crd-generator module (which marks the model classes of io.strimzi:api). That module does not
 * resolve here, so the JVM would drop the annotation from the model classes; this declaration of
 * the same type lets StrimziResourcesTest read it. Only {@code value} (a version range such as
 * "v1beta2" or "v1+") is declared: it is all the test reads.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {
  String value();
}
