package com.partnernet.partners.gathering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ConflictException;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ETags;
import com.partnernet.chassis.web.Page;
import com.partnernet.chassis.web.PageParams;
import com.partnernet.chassis.web.Sorting;
import com.partnernet.partners.partner.Partner;
import com.partnernet.partners.partner.PartnerRepository;
import com.partnernet.partners.partner.PartnerStatus;

import io.quarkus.logging.Log;

/**
 * Partner events and their registrations. Seats go to registrations in order: while seats last a registration is
 * confirmed, after that it waits; freed seats go to the waitlist in order, and nobody overtakes a waiting
 * registration that does not fit yet. Every seat change holds a lock on the event, so concurrent registrations
 * never overbook it.
 */
@ApplicationScoped
public class PartnerEventService {

    static final int DEFAULT_MAX_ATTENDEES_PER_PARTNER = 10;
    private static final Map<String, String> SORT_KEYS = Map.of("date", "date", "name", "name", "city", "city");

    private final PartnerEventRepository events;
    private final RegistrationRepository registrations;
    private final PartnerRepository partners;

    public PartnerEventService(PartnerEventRepository events, RegistrationRepository registrations,
            PartnerRepository partners) {
        this.events = events;
        this.registrations = registrations;
        this.partners = partners;
    }

    @Transactional
    public PartnerEventView announce(PartnerEventRequest request) {
        PartnerEvent event = new PartnerEvent();
        event.id = UUID.randomUUID();
        event.createdAt = Timestamps.now();
        apply(request, event);
        events.persist(event);
        Log.infof("Partner event %s announced for %s (%d seats)", event.id, event.date, event.capacity);
        return view(event);
    }

    /** Changes an event; more seats go to the waitlist at once, fewer than are confirmed is a conflict. */
    @Transactional
    public PartnerEventView update(UUID eventId, String ifMatch, PartnerEventRequest request) {
        PartnerEvent event = requireForUpdate(eventId);
        ETags.requireMatch(ifMatch, event.version, "partner event");
        long confirmed = registrations.confirmedSeats(eventId);
        if (request.capacity() < confirmed) {
            throw new ConflictException("Partner event " + eventId + " has " + confirmed
                    + " confirmed seats; the capacity cannot drop below that. Cancel registrations first");
        }
        apply(request, event);
        promoteWaitlist(event);
        events.flush();
        return view(event);
    }

    @Transactional
    public RegistrationView register(UUID eventId, RegistrationRequest request) {
        PartnerEvent event = requireForUpdate(eventId);
        Instant now = Timestamps.now();
        if (now.isAfter(event.registrationClosesAt)) {
            throw new ConflictException("Registration for " + event.name + " closed at " + event.registrationClosesAt);
        }
        Partner partner = partners.findByIdOptional(request.partnerId())
                .orElseThrow(() -> new InvalidRequestException("partnerId", "no partner with this id"));
        if (partner.status != PartnerStatus.ACTIVE) {
            throw new ConflictException("Partner " + partner.id + " is " + partner.status + " and cannot register");
        }
        if (request.attendees().size() > event.maxAttendeesPerPartner) {
            throw new InvalidRequestException("attendees", "at most " + event.maxAttendeesPerPartner
                    + " attendees per partner for this event");
        }
        registrations.findActive(eventId, partner.id).ifPresent(existing -> {
            throw new ConflictException("Partner " + partner.id + " is registered for this event already ("
                    + existing.status() + ", registration " + existing.id + ")");
        });
        boolean fits = registrations.waitlist(eventId).isEmpty()
                && registrations.confirmedSeats(eventId) + request.attendees().size() <= event.capacity;
        Registration registration = Registration.of(eventId, partner.id, request.attendees(), fits, now);
        registrations.persist(registration);
        Log.infof("Partner %s registered %d attendee(s) for event %s: %s", partner.id, registration.seats, eventId,
                registration.status());
        return withPosition(registration);
    }

    /** Cancels a registration; the seats it held go to the waitlist. Allowed after the deadline too. */
    @Transactional
    public Cancellation cancel(UUID eventId, UUID registrationId) {
        PartnerEvent event = requireForUpdate(eventId);
        Registration registration = requireRegistration(eventId, registrationId);
        registration.cancel(Timestamps.now());
        registrations.flush();
        List<RegistrationView> promoted = promoteWaitlist(event).stream().map(promotion -> RegistrationView.of(promotion, null))
                .toList();
        return new Cancellation(RegistrationView.of(registration, null), promoted);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PartnerEventView get(UUID eventId) {
        return view(require(eventId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PartnerEventView> search(LocalDate from, String city, PageParams paging) {
        var query = events.search(from, city, Sorting.parse(paging.sort, SORT_KEYS, "date", "id")).page(paging.page, paging.size);
        return Page.of(query.list(), paging, query.count()).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationView> registrations(UUID eventId, RegistrationStatus status) {
        require(eventId);
        Map<UUID, Integer> positions = waitlistPositions(eventId);
        return registrations.ofEvent(eventId, status).stream()
                .map(registration -> RegistrationView.of(registration, positions.get(registration.id))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegistrationView registration(UUID eventId, UUID registrationId) {
        require(eventId);
        return withPosition(requireRegistration(eventId, registrationId));
    }

    /** Confirms waiting registrations in order while the next one fits. */
    private List<Registration> promoteWaitlist(PartnerEvent event) {
        long free = event.capacity - registrations.confirmedSeats(event.id);
        List<Registration> promoted = new ArrayList<>();
        for (Registration waiting : registrations.waitlist(event.id)) {
            if (waiting.seats > free) {
                break;
            }
            waiting.promote(Timestamps.now());
            free -= waiting.seats;
            promoted.add(waiting);
            Log.infof("Registration %s of partner %s promoted from the waitlist of event %s", waiting.id,
                    waiting.partnerId, event.id);
        }
        registrations.flush();
        return promoted;
    }

    private RegistrationView withPosition(Registration registration) {
        return RegistrationView.of(registration, waitlistPositions(registration.eventId).get(registration.id));
    }

    private Map<UUID, Integer> waitlistPositions(UUID eventId) {
        Map<UUID, Integer> positions = new HashMap<>();
        List<Registration> waitlist = registrations.waitlist(eventId);
        for (int i = 0; i < waitlist.size(); i++) {
            positions.put(waitlist.get(i).id, i + 1);
        }
        return positions;
    }

    private PartnerEventView view(PartnerEvent event) {
        long confirmed = registrations.confirmedSeats(event.id);
        return new PartnerEventView(event.id, event.name, event.date, event.venue, event.city, event.capacity,
                event.maxAttendeesPerPartner, event.registrationClosesAt,
                !Timestamps.now().isAfter(event.registrationClosesAt), confirmed, Math.max(0, event.capacity - confirmed),
                registrations.waitlist(event.id).size(), event.version);
    }

    private PartnerEvent require(UUID eventId) {
        return events.findByIdOptional(eventId).orElseThrow(() -> new ResourceNotFoundException("Partner event", eventId));
    }

    private PartnerEvent requireForUpdate(UUID eventId) {
        return events.findForUpdate(eventId).orElseThrow(() -> new ResourceNotFoundException("Partner event", eventId));
    }

    private Registration requireRegistration(UUID eventId, UUID registrationId) {
        return registrations.findByIdOptional(registrationId).filter(registration -> registration.eventId.equals(eventId))
                .orElseThrow(() -> new ResourceNotFoundException("Registration", registrationId));
    }

    private static void apply(PartnerEventRequest request, PartnerEvent event) {
        event.name = request.name().strip();
        event.date = request.date();
        event.venue = request.venue().strip();
        event.city = request.city().strip();
        event.capacity = request.capacity();
        event.maxAttendeesPerPartner = request.maxAttendeesPerPartner() != null ? request.maxAttendeesPerPartner()
                : DEFAULT_MAX_ATTENDEES_PER_PARTNER;
        event.registrationClosesAt = request.registrationClosesAt();
        event.updatedAt = Timestamps.now();
    }
}
