package com.partnernet.chassis.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Code sets as one column, without a database. */
class CodeSetConverterTest {

    private final CodeSetConverter converter = new CodeSetConverter();

    @Test
    void aSetIsStoredSortedSoEqualSetsReadTheSameInTheTable() {
        assertEquals("MOBILE,TV", converter.convertToDatabaseColumn(Set.of("TV", "MOBILE")));
        assertEquals("", converter.convertToDatabaseColumn(null));
        assertEquals("", converter.convertToDatabaseColumn(Set.of()));
    }

    @Test
    void aColumnReadsBackAsTheSameSetAndAnEmptyOneAsNone() {
        assertEquals(Set.of("MOBILE", "TV"), converter.convertToEntityAttribute("MOBILE,TV"));
        assertEquals(Set.of(), converter.convertToEntityAttribute(""));
        assertEquals(Set.of(), converter.convertToEntityAttribute(null));
    }
}
