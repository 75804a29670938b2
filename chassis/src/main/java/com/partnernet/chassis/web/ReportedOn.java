package com.partnernet.chassis.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a cross-field check ({@code @AssertTrue boolean isRangeValid()}): the field of the same object a violation names,
 * as the contract does ({@code to}), rather than the check's Java name ({@code rangeValid}). Without it a violation
 * names the object the check is on ({@code contact}, or the body itself).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReportedOn {

    String value();
}
