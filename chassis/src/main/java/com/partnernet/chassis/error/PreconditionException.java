package com.partnernet.chassis.error;

/**
 * An update's {@code If-Match} is missing (428: updates must say which version they change) or names a version
 * that is no longer current (412: someone else changed it first; reload and retry).
 */
public class PreconditionException extends RuntimeException {

    private final int status;

    private PreconditionException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public static PreconditionException required() {
        return new PreconditionException(428,
                "This change needs an If-Match header with the ETag you read, so no one's change is lost");
    }

    public static PreconditionException failed(String resource, String current) {
        return new PreconditionException(412, "The " + resource + " was changed since you read it; its current ETag is "
                + current + ". Reload it and apply your change again");
    }

    public int status() {
        return status;
    }
}
