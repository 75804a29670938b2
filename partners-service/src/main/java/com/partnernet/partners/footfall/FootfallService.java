package com.partnernet.partners.footfall;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.InputReader;
import com.partnernet.chassis.web.Problem;
import com.partnernet.chassis.web.QueryRange;
import com.partnernet.partners.partner.PartnerService;
import com.partnernet.partners.shop.Shop;
import com.partnernet.partners.shop.ShopService;
import com.partnernet.partners.shop.ShopStatus;

import io.quarkus.logging.Log;

/**
 * Weekly footfall per shop: uploads that store the good rows and report the bad ones, and reports against a
 * baseline year.
 */
@ApplicationScoped
public class FootfallService {

    static final int MAX_ROWS = 10_000;
    static final int MAX_REPORT_WEEKS = 157;
    private static final List<String> CSV_COLUMNS = List.of("shopId", "week", "visitors");
    private static final CsvMapper CSV = new CsvMapper();
    private static final String NOT_A_ROW = "must be an object with shopId, week and visitors";

    private final FootfallRepository footfall;
    private final ShopService shops;
    private final PartnerService partners;
    private final ObjectMapper mapper;
    private final InputReader reader;

    public FootfallService(FootfallRepository footfall, ShopService shops, PartnerService partners, ObjectMapper mapper,
            InputReader reader) {
        this.footfall = footfall;
        this.shops = shops;
        this.partners = partners;
        this.mapper = mapper;
        this.reader = reader;
    }

    /**
     * A JSON array of rows. With {@code ofPartner}, rows of other partners' shops are rejected exactly like rows naming
     * no shop.
     */
    @Transactional
    public UploadReport upload(List<JsonNode> rows, Optional<UUID> ofPartner) {
        if (rows == null) {
            throw new InvalidRequestException("body", "must be a JSON array of rows with shopId, week and visitors");
        }
        return store(rows, ofPartner);
    }

    /**
     * CSV with a header line naming the columns shopId, week and visitors (any order, any case); comma or semicolon
     * separated, as spreadsheets export it; {@code ofPartner} as for {@link #upload}.
     */
    @Transactional
    public UploadReport uploadCsv(String csv, Optional<UUID> ofPartner) {
        return store(csvRows(csv == null ? "" : csv.replace("\uFEFF", "")), ofPartner);
    }

    private UploadReport store(List<JsonNode> rows, Optional<UUID> ofPartner) {
        if (rows.size() > MAX_ROWS) {
            throw new InvalidRequestException("body", "at most " + MAX_ROWS + " rows per upload, not " + rows.size());
        }
        List<UploadReport.RowError> errors = new ArrayList<>();
        Map<FootfallWeek.Key, Integer> firstRowOfShopWeek = new HashMap<>();
        List<Checked> good = new ArrayList<>();
        LocalDate today = Timestamps.today();
        for (int index = 0; index < rows.size(); index++) {
            int rowNumber = index + 1;
            Checked row = check(rowNumber, rows.get(index), today, errors);
            if (row == null) {
                continue;
            }
            Integer earlier = firstRowOfShopWeek.putIfAbsent(row.key(), rowNumber);
            if (earlier != null) {
                errors.add(new UploadReport.RowError(rowNumber, "week", "repeats the shop and week of row " + earlier));
            } else {
                good.add(row);
            }
        }
        Set<UUID> knownShops = shops.existing(good.stream().map(row -> row.key().shopId()).collect(Collectors.toSet()),
                ofPartner);
        List<FootfallWeek.Key> weeks = new ArrayList<>(good.size());
        List<Integer> visitors = new ArrayList<>(good.size());
        for (Checked row : good) {
            if (!knownShops.contains(row.key().shopId())) {
                errors.add(new UploadReport.RowError(row.number(), "shopId", "no shop with this id"));
            } else {
                weeks.add(row.key());
                visitors.add(row.visitors());
            }
        }
        int inserted = footfall.upsertAll(weeks, visitors, Timestamps.now());
        int replaced = weeks.size() - inserted;
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
        int rejected = (int) errors.stream().map(UploadReport.RowError::row).distinct().count();
        Log.infof("Footfall upload: %d rows, %d inserted, %d replaced, %d rejected", rows.size(), inserted, replaced,
                rejected);
        return new UploadReport(rows.size(), inserted, replaced, rejected, errors);
    }

    private record Checked(int number, FootfallWeek.Key key, int visitors) {
    }

    /** The row as a shop-week, or null after adding its errors. */
    private Checked check(int number, JsonNode node, LocalDate today, List<UploadReport.RowError> errors) {
        List<Problem.Violation> violations = new ArrayList<>();
        FootfallRow row = reader.read(node, FootfallRow.class, NOT_A_ROW, violations);
        if (row == null) {
            violations.forEach(violation -> errors.add(new UploadReport.RowError(number, violation.field(), violation.message())));
            return null;
        }
        IsoWeek week;
        try {
            week = IsoWeek.parse(row.week());
        } catch (IllegalArgumentException e) {
            errors.add(new UploadReport.RowError(number, "week", e.getMessage()));
            return null;
        }
        if (week.monday().isAfter(today)) {
            errors.add(new UploadReport.RowError(number, "week", "lies in the future"));
            return null;
        }
        return new Checked(number, new FootfallWeek.Key(row.shopId(), week.monday()), row.visitors());
    }

    /** CSV lines as JSON objects keyed by the header's column names, so both formats share one row check. */
    private List<JsonNode> csvRows(String csv) {
        String headerLine = csv.lines().filter(line -> !line.isBlank()).findFirst()
                .orElseThrow(() -> new InvalidRequestException("body", "an empty upload; the first line must name "
                        + "the columns " + String.join(", ", CSV_COLUMNS)));
        char separator = headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : ',';
        List<String[]> lines = new ArrayList<>();
        try (MappingIterator<String[]> iterator = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .withFeatures(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.TRIM_SPACES)
                .readValues(csv)) {
            while (iterator.hasNext()) {
                lines.add(iterator.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("body", "not readable as CSV: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        String[] header = lines.get(0);
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i].strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> absent = CSV_COLUMNS.stream().filter(name -> !columns.containsKey(name.toLowerCase(Locale.ROOT))).toList();
        if (!absent.isEmpty()) {
            throw new InvalidRequestException("body", "the CSV header lacks the column(s) " + String.join(", ", absent)
                    + "; it has " + Arrays.toString(header));
        }
        return lines.subList(1, lines.size()).stream().map(line -> {
            var row = mapper.createObjectNode();
            for (String name : CSV_COLUMNS) {
                int column = columns.get(name.toLowerCase(Locale.ROOT));
                if (column < line.length && !line[column].isBlank()) {
                    row.put(name, line[column]);
                }
            }
            return (JsonNode) row;
        }).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FootfallReport report(FootfallScope scope, IsoWeek from, IsoWeek to, Integer baselineYear) {
        QueryRange.require(from.monday(), to.monday(), ChronoUnit.WEEKS, MAX_REPORT_WEEKS);
        requireScope(scope);
        List<Shop> inScope = footfall.shopsIn(scope);
        Set<UUID> expected = inScope.stream().filter(shop -> shop.status() != ShopStatus.CLOSED).map(shop -> shop.id)
                .collect(Collectors.toSet());
        // Three weeks before the range feed the first weeks' rolling average and week-over-week change.
        LocalDate loadFrom = from.monday().minusWeeks(3);
        LocalDate baselineFrom = baselineYear == null ? loadFrom : new IsoWeek(baselineYear, 1).monday();
        LocalDate baselineTo = baselineYear == null ? to.monday()
                : new IsoWeek(baselineYear, IsoWeek.weeksIn(baselineYear)).monday();
        Map<LocalDate, Map<UUID, Integer>> counts = new HashMap<>();
        for (FootfallWeek count : footfall.counts(scope, loadFrom, to.monday(), baselineFrom, baselineTo)) {
            counts.computeIfAbsent(count.weekStart, week -> new HashMap<>()).put(count.shopId, count.visitors);
        }

        List<FootfallReport.Week> rows = new ArrayList<>();
        long total = 0;
        long[] rangeLikeForLike = new long[2];
        for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
            Map<UUID, Integer> current = counts.getOrDefault(week.monday(), Map.of());
            Map<UUID, Integer> baseline = baselineYear == null ? Map.of()
                    : week.sameWeekIn(baselineYear).map(same -> counts.getOrDefault(same.monday(), Map.of())).orElse(Map.of());
            Map<UUID, Integer> previous = counts.getOrDefault(week.monday().minusWeeks(1), Map.of());
            long[] likeForLike = likeForLike(current, baseline);
            rangeLikeForLike[0] += likeForLike[0];
            rangeLikeForLike[1] += likeForLike[1];
            int missingShops = (int) expected.stream().filter(shop -> !current.containsKey(shop)).count();
            Long visitors = sum(current);
            total += visitors == null ? 0 : visitors;
            rows.add(new FootfallReport.Week(week, week.monday(), visitors, current.size(), missingShops, missingShops > 0,
                    sum(baseline), percentChange(likeForLike), percentChange(likeForLike(current, previous)),
                    rollingAverage(counts, week)));
        }
        int missingWeeks = (int) rows.stream().filter(FootfallReport.Week::missing).count();
        return new FootfallReport(scope, from, to, baselineYear, inScope.size(),
                new FootfallReport.Summary(total, percentChange(rangeLikeForLike), missingWeeks), rows);
    }

    private void requireScope(FootfallScope scope) {
        switch (scope.level()) {
            case SHOP -> shops.require(scope.shopId());
            case PARTNER -> partners.require(scope.partnerId());
            default -> {
            }
        }
    }

    /** {current, reference} totals over the shops that counted in both. */
    private static long[] likeForLike(Map<UUID, Integer> current, Map<UUID, Integer> reference) {
        long[] totals = new long[2];
        current.forEach((shop, visitors) -> {
            Integer before = reference.get(shop);
            if (before != null) {
                totals[0] += visitors;
                totals[1] += before;
            }
        });
        return totals;
    }

    private static Double percentChange(long[] likeForLike) {
        return likeForLike[1] == 0 ? null : roundToTenth((likeForLike[0] - likeForLike[1]) * 100.0 / likeForLike[1]);
    }

    private static Double rollingAverage(Map<LocalDate, Map<UUID, Integer>> counts, IsoWeek week) {
        List<Long> totals = new ArrayList<>();
        for (int back = 0; back < 4; back++) {
            Long total = sum(counts.getOrDefault(week.monday().minusWeeks(back), Map.of()));
            if (total != null) {
                totals.add(total);
            }
        }
        return totals.isEmpty() ? null : roundToTenth(totals.stream().mapToLong(Long::longValue).average().orElseThrow());
    }

    private static Long sum(Map<UUID, Integer> counts) {
        return counts.isEmpty() ? null : counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static double roundToTenth(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
