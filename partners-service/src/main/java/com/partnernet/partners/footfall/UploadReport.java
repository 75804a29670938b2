package com.partnernet.partners.footfall;

import java.util.List;

/**
 * What an upload did: good rows are stored (new shop-weeks inserted, known ones replaced), bad rows are listed with
 * their errors and change nothing.
 */
public record UploadReport(int rows, int inserted, int replaced, int rejected, List<RowError> errors) {

    /** A rejected row: its number (1 = the first data row, a CSV header not counted), the field and what is wrong. */
    public record RowError(int row, String field, String message) {
    }
}
