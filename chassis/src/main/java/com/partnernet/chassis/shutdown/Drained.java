package com.partnernet.chassis.shutdown;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Work that a stopping service lets finish while its database and broker clients are still open ({@link Drain}): a
 * consumer's handling of a record or a poll, a scheduled job. Every {@code @Incoming} and {@code @Scheduled} method
 * carries it; the architecture rules check that.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface Drained {
}
