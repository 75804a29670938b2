package com.partnernet.partners.excellence;

import java.util.UUID;

public record ExecutiveView(UUID id, String name, String email, String title, long version) {

    static ExecutiveView of(Executive executive) {
        return new ExecutiveView(executive.id, executive.name, executive.email, executive.title, executive.version);
    }
}
