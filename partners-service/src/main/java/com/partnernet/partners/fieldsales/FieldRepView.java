package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.security.PersonalData;
import com.partnernet.partners.shop.ProductLine;

public record FieldRepView(
        UUID id,
        UUID teamId,
        @PersonalData @Nullable String name,
        @PersonalData @Nullable String employeeNumber,
        RepSource source,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        Set<ProductLine> productFocus,
        long version) {

    static FieldRepView of(FieldRep rep) {
        return new FieldRepView(rep.id, rep.teamId, rep.name, rep.employeeNumber, rep.source, rep.startDate, rep.endDate,
                new TreeSet<>(rep.productFocus), rep.version);
    }
}
