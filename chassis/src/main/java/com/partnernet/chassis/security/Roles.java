package com.partnernet.chassis.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The roles a token's {@code groups} claim carries, the same in all three services.
 * <ul>
 * <li>{@link #SALES_MANAGER}: operator staff, read and write everything, the only role that may erase personal
 * data.</li>
 * <li>{@link #PARTNER_USER}: staff of one partner company, named by the token's {@value #PARTNER_CLAIM} claim;
 * sees and works only that partner's resources.</li>
 * <li>{@link #MARKETING_SYSTEM}: a campaign platform; submits leads and manages campaigns.</li>
 * <li>{@link #OPS}: operations; reads everything, but personal data only if also a sales manager; never writes.</li>
 * </ul>
 * A token may hold several roles; what a combination means is {@link #unsupportedCombination decided here once}.
 */
public final class Roles {

    public static final String SALES_MANAGER = "sales-manager";
    public static final String PARTNER_USER = "partner-user";
    public static final String MARKETING_SYSTEM = "marketing-system";
    public static final String OPS = "ops";

    /** Every role, for checks that must cover each one. */
    public static final List<String> ALL = List.of(SALES_MANAGER, PARTNER_USER, MARKETING_SYSTEM, OPS);

    /** The claim naming a partner user's company. */
    public static final String PARTNER_CLAIM = "partner_id";

    /** Whether these roles confine their holder to one partner: a partner user's, unless it is a sales manager too. */
    public static boolean confined(Collection<String> roles) {
        return roles.contains(PARTNER_USER) && !roles.contains(SALES_MANAGER);
    }

    /**
     * Whether a token's roles may be used together, and if not, why. The roles' rights add up, with one exception: a
     * partner user is confined to its partner, so a token holding {@link #PARTNER_USER} without {@link #SALES_MANAGER}
     * may not also hold a role that reaches across partners ({@link #OPS}, {@link #MARKETING_SYSTEM}); such a token is
     * refused everywhere rather than read as either. With {@link #SALES_MANAGER} every combination means a sales
     * manager. {@link #OPS} beside {@link #MARKETING_SYSTEM} reads as ops and writes as the marketing system.
     *
     * @return why the combination is refused, or empty when it may be used
     */
    public static Optional<String> unsupportedCombination(Collection<String> roles) {
        if (!confined(roles)) {
            return Optional.empty();
        }
        List<String> acrossPartners = List.of(OPS, MARKETING_SYSTEM).stream().filter(roles::contains).toList();
        if (acrossPartners.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("A token holding " + PARTNER_USER + " is confined to its partner and cannot also hold "
                + String.join(" or ", acrossPartners) + "; ask for separate tokens");
    }

    private Roles() {
    }
}
