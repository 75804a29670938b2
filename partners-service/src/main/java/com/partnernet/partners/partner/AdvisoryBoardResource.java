package com.partnernet.partners.partner;

import static com.partnernet.chassis.security.Roles.OPS;
import static com.partnernet.chassis.security.Roles.SALES_MANAGER;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

/** The dealer advisory board: partners whose membership covers a day. */
@Produces(MediaType.APPLICATION_JSON)
@Path("/advisory-board")
@Tag(name = "Partners")
public class AdvisoryBoardResource {

    private static final Map<String, Comparator<PartnerView>> SORT_KEYS = Map.of(
            "name", Comparator.comparing(PartnerView::name).thenComparing(PartnerView::id));

    private final PartnerService service;

    public AdvisoryBoardResource(PartnerService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getAdvisoryBoard", summary = "Members of the dealer advisory board on a day (default: today)",
            description = "Sort keys: name (default).")
    @RolesAllowed({ SALES_MANAGER, OPS })
    public Page<PartnerView> advisoryBoard(@QueryParam("on") LocalDate on, @Valid @BeanParam PageParams paging) {
        List<PartnerView> members = service.advisoryBoard(on != null ? on : Timestamps.today());
        return Page.slice(Sorting.sorted(members, paging.sort, SORT_KEYS, "name"), paging);
    }
}
