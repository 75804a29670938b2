package com.partnernet.chassis.web;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.partnernet.chassis.error.InvalidRequestException;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every request body is read noting each value of the wrong type instead of stopping at the first
 * ({@link WrongValues}); a body with any is answered 400 with those and the Bean Validation violations of the rest together, so a client
 * learns everything wrong at once, in the contract's words. Bodies without such values go on to the operation's own
 * validation as before.
 */
@Provider
public class BodyChecks implements ReaderInterceptor {

    /** The values of the body being read on this thread; reading a body is synchronous, on one thread. */
    private static final ThreadLocal<WrongValues> READING = new ThreadLocal<>();

    private final Validator validator;

    public BodyChecks(Validator validator) {
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        WrongValues wrong = new WrongValues();
        READING.set(wrong);
        Object body;
        try {
            body = context.proceed();
        } finally {
            READING.remove();
        }
        if (!wrong.isEmpty()) {
            List<Problem.Violation> violations = wrong.violations(body, validator);
            throw new InvalidRequestException(violations);
        }
        return body;
    }

    /** Hands the shared mapper's binding problems to the body being read, if any (other reads fail as before). */
    @Singleton
    static class Registration implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.addHandler(new DeserializationProblemHandler() {
                @Override
                public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                        String failureMessage) throws IOException {
                    WrongValues wrong = READING.get();
                    return wrong == null ? NOT_HANDLED
                            : wrong.handleWeirdStringValue(context, targetType, value, failureMessage);
                }

                @Override
                public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                        String failureMessage) throws IOException {
                    WrongValues wrong = READING.get();
                    return wrong == null ? NOT_HANDLED
                            : wrong.handleWeirdNumberValue(context, targetType, value, failureMessage);
                }

                @Override
                public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                        JsonParser parser, String failureMessage) throws IOException {
                    WrongValues wrong = READING.get();
                    return wrong == null ? NOT_HANDLED
                            : wrong.handleUnexpectedToken(context, targetType, token, parser, failureMessage);
                }

                @Override
                public Object handleMissingInstantiator(DeserializationContext context, Class<?> instanceClass,
                        ValueInstantiator instantiator, JsonParser parser, String message) throws IOException {
                    WrongValues wrong = READING.get();
                    return wrong == null ? NOT_HANDLED
                            : wrong.handleMissingInstantiator(context, instanceClass, instantiator, parser, message);
                }
            });
        }
    }
}
