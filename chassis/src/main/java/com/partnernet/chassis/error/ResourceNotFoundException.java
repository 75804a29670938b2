package com.partnernet.chassis.error;

/** A named resource does not exist (answered as 404 problem). */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " does not exist");
    }
}
