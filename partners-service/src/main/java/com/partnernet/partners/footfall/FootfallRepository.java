package com.partnernet.partners.footfall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.Conditions;
import com.partnernet.partners.shop.Shop;
import com.partnernet.partners.shop.ShopRepository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class FootfallRepository implements PanacheRepositoryBase<FootfallWeek, FootfallWeek.Key> {

    private final ShopRepository shops;

    public FootfallRepository(ShopRepository shops) {
        this.shops = shops;
    }

    /**
     * Stores shop-weeks' counts in one statement, replacing ones stored before; each shop-week at most once (the
     * database cannot replace a row twice in one statement). An upload of thousands of rows is one round trip.
     *
     * @return how many of the shop-weeks were new (the others replaced an earlier count)
     */
    @SuppressWarnings("unchecked")
    public int upsertAll(List<FootfallWeek.Key> weeks, List<Integer> visitors, Instant now) {
        if (weeks.isEmpty()) {
            return 0;
        }
        List<Boolean> inserted = getEntityManager().createNativeQuery("""
                insert into footfall_week (shop_id, week_start, visitors, updated_at)
                select shop_id, week_start, visitors, :now
                from unnest(cast(:shopIds as uuid[]), cast(:weekStarts as date[]), cast(:visitors as int[]))
                     counted(shop_id, week_start, visitors)
                on conflict (shop_id, week_start) do update set visitors = excluded.visitors, updated_at = excluded.updated_at
                returning (xmax = 0)""")
                .setParameter("shopIds", weeks.stream().map(week -> week.shopId().toString()).toArray(String[]::new))
                .setParameter("weekStarts", weeks.stream().map(week -> week.weekStart().toString()).toArray(String[]::new))
                .setParameter("visitors", visitors.stream().map(String::valueOf).toArray(String[]::new))
                .setParameter("now", now)
                .getResultList();
        return (int) inserted.stream().filter(Boolean.TRUE::equals).count();
    }

    public List<Shop> shopsIn(FootfallScope scope) {
        Parameters parameters = new Parameters();
        return shops.list(condition(scope, "", parameters), parameters);
    }

    /** The counts of the scope's shops in two ranges of weeks (the report's weeks and the baseline's). */
    public List<FootfallWeek> counts(FootfallScope scope, LocalDate from, LocalDate to, LocalDate baselineFrom,
            LocalDate baselineTo) {
        Parameters parameters = Parameters.with("from", from).and("to", to)
                .and("baselineFrom", baselineFrom).and("baselineTo", baselineTo);
        return list("shopId in (select s.id from Shop s where " + condition(scope, "s.", parameters) + ")"
                + " and (weekStart between :from and :to or weekStart between :baselineFrom and :baselineTo)", parameters);
    }

    private static String condition(FootfallScope scope, String alias, Parameters parameters) {
        return switch (scope.level()) {
            case SHOP -> {
                parameters.and("shopId", scope.shopId());
                yield alias + "id = :shopId";
            }
            case PARTNER -> {
                parameters.and("partnerId", scope.partnerId());
                yield alias + "partnerId = :partnerId";
            }
            case CITY -> {
                parameters.and("city", Conditions.lowerCase(scope.city()));
                yield "lower(" + alias + "city) = :city";
            }
            case NETWORK -> "1 = 1";
        };
    }
}
