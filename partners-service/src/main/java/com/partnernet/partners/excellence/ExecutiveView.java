package com.partnernet.partners.excellence;

import java.util.UUID;

import com.partnernet.chassis.security.PersonalData;

public record ExecutiveView(UUID id, @PersonalData String name, @PersonalData String email, String title,
        long version) {

    static ExecutiveView of(Executive executive) {
        return new ExecutiveView(executive.id, executive.name, executive.email, executive.title, executive.version);
    }
}
