package com.partnernet.partners.excellence;

import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.security.PersonalData;

public record ExecutiveView(UUID id, @PersonalData @Nullable String name, @PersonalData @Nullable String email, @Nullable String title,
        long version) {

    static ExecutiveView of(Executive executive) {
        return new ExecutiveView(executive.id, executive.name, executive.email, executive.title, executive.version);
    }
}
