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
     * Stores a shop-week's count, replacing one stored before.
     *
     * @return true if the shop-week was new, false if an earlier count was replaced
     */
    public boolean upsert(UUID shopId, LocalDate weekStart, int visitors, Instant now) {
        return (Boolean) getEntityManager().createNativeQuery("""
                insert into footfall_week (shop_id, week_start, visitors, updated_at)
                values (:shopId, :weekStart, :visitors, :now)
                on conflict (shop_id, week_start) do update set visitors = excluded.visitors, updated_at = excluded.updated_at
                returning (xmax = 0)""")
                .setParameter("shopId", shopId)
                .setParameter("weekStart", weekStart)
                .setParameter("visitors", visitors)
                .setParameter("now", now)
                .getSingleResult();
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
