package com.partnernet.chaos;

/** What one scenario run showed: the load, the faults injected, leads in and out, and the verdict. */
record Outcome(String scenario, String load, String faults, long leadsIn, long leadsOut, long lost, long duplicated,
        boolean passed, String detail) {

    String verdict() {
        return passed ? "PASS" : "FAIL";
    }
}
