package com.partnernet.partners.excellence;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;

@ApplicationScoped
public class ExecutiveService {

    private static final Map<String, String> SORT_KEYS = Map.of("name", "name", "title", "title", "email", "email");

    private final ExecutiveRepository executives;

    public ExecutiveService(ExecutiveRepository executives) {
        this.executives = executives;
    }

    @Transactional
    public ExecutiveView register(ExecutiveRequest request) {
        requireEmailFree(request.email(), null);
        Executive executive = new Executive();
        executive.id = UUID.randomUUID();
        executive.createdAt = Timestamps.now();
        apply(request, executive);
        executives.persist(executive);
        return ExecutiveView.of(executive);
    }

    @Transactional
    public ExecutiveView update(UUID id, String ifMatch, ExecutiveRequest request) {
        Executive executive = require(id);
        ETags.requireMatch(ifMatch, executive.version, "executive");
        requireEmailFree(request.email(), id);
        apply(request, executive);
        executives.flush();
        return ExecutiveView.of(executive);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ExecutiveView get(UUID id) {
        return ExecutiveView.of(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ExecutiveView> search(String name, PageParams paging) {
        var query = executives.search(name, Sorting.parse(paging.sort, SORT_KEYS, "name", "id")).page(paging.page, paging.size);
        return Page.of(query.list(), paging, query.count()).map(ExecutiveView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Executive require(UUID id) {
        return executives.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Executive", id));
    }

    private void requireEmailFree(String email, UUID except) {
        executives.findByEmail(email).filter(other -> !other.id.equals(except)).ifPresent(other -> {
            throw new ConflictException("Executive " + other.id + " has the e-mail address " + other.email + " already");
        });
    }

    private static void apply(ExecutiveRequest request, Executive executive) {
        executive.name = request.name().strip();
        executive.email = request.email().strip();
        executive.title = request.title() == null || request.title().isBlank() ? null : request.title().strip();
        executive.updatedAt = Timestamps.now();
    }
}
