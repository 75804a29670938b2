package com.partnernet.chassis.shutdown;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Counts a {@link Drained} method's run as work in hand, from its call to its return. */
@Drained
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
class DrainedInterceptor {

    private final Drain drain;

    DrainedInterceptor(Drain drain) {
        this.drain = drain;
    }

    @AroundInvoke
    Object countInHand(InvocationContext invocation) throws Exception {
        drain.began();
        try {
            return invocation.proceed();
        } finally {
            drain.ended();
        }
    }
}
