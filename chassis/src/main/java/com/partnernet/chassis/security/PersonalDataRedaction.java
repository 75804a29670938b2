package com.partnernet.chassis.security;

import java.util.List;

import jakarta.inject.Singleton;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import io.quarkus.arc.Arc;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Writes {@link PersonalData} properties as null in every JSON body written for a caller who may not see them: the
 * answer keeps every field its schema lists (docs/api/README.md, null), so such a field is marked {@code @Nullable}.
 */
@Singleton
public class PersonalDataRedaction implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("personal-data-redaction").setSerializerModifier(
                new BeanSerializerModifier() {
                    @Override
                    public List<BeanPropertyWriter> changeProperties(SerializationConfig config,
                            BeanDescription description, List<BeanPropertyWriter> properties) {
                        return properties.stream()
                                .map(p -> p.getAnnotation(PersonalData.class) == null ? p : new RedactableWriter(p))
                                .toList();
                    }
                }));
    }

    private static boolean callerSeesPersonalData() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return false;
        }
        return container.instance(Caller.class).get().seesPersonalData();
    }

    private static final class RedactableWriter extends BeanPropertyWriter {

        RedactableWriter(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            if (callerSeesPersonalData()) {
                super.serializeAsField(bean, generator, provider);
            } else {
                generator.writeNullField(getName());
            }
        }
    }
}
