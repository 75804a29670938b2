package com.partnernet.chassis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.partnernet.chassis.error.InvalidRequestException;

import io.quarkus.panache.common.Sort;

class SortingTest {

    private static final Map<String, String> KEYS = Map.of("name", "name", "city", "address.city");

    @Test
    void keysBecomePropertiesInOrderWithTheTieBreakerLast() {
        Sort sort = Sorting.parse("city,-name", KEYS, "name", "id");
        assertEquals(3, sort.getColumns().size());
        assertEquals("address.city", sort.getColumns().get(0).getName());
        assertEquals(Sort.Direction.Descending, sort.getColumns().get(1).getDirection());
        assertEquals("id", sort.getColumns().get(2).getName());
    }

    @Test
    void noSortMeansTheDefaultKey() {
        assertEquals("name", Sorting.parse(" ", KEYS, "name", "id").getColumns().get(0).getName());
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheParameterAndWhatIsAllowed() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> Sorting.parse("name,-secret", KEYS, "name", "id"));
        assertEquals("sort", refused.field());
        assertEquals("unknown sort key 'secret'; allowed: city, name", refused.violations().get(0).message());
    }
}
