package com.partnernet.leads.ingestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.web.InputReader;
import com.partnernet.chassis.web.Problem;
import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignStatus;
import com.partnernet.leads.vocabulary.Segment;

/**
 * The checks of an inbound lead beyond its shape, the same for Kafka and REST: the campaign is known and running,
 * the phone number is a real one (normalised to E.164, German numbers may omit +49).
 */
@ApplicationScoped
public class LeadCheck {

    /** A lead that passed: with its campaign and the contact data as compared for duplicates. */
    public record CheckedLead(InboundLead lead, Campaign campaign, Segment segment, String emailNormalized,
            String phoneE164) {
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /**
     * Everything wrong with a lead at once: what its reading found (values of the wrong type, Bean Validation) and
     * what needs the database or the phone-number library, on as much of the lead as could be read.
     *
     * @param campaigns the campaigns the lead may name, by code (an intake reads them once for all its leads)
     * @throws InvalidRequestException naming every field that is wrong
     */
    public CheckedLead check(InputReader.Reading<InboundLead> reading, Map<String, Campaign> campaigns) {
        List<Problem.Violation> violations = new ArrayList<>(reading.violations());
        InboundLead lead = reading.value();
        if (lead == null) {
            throw new InvalidRequestException(violations);
        }
        Campaign campaign = lead.campaign() == null ? null : campaigns.get(lead.campaign());
        if (lead.campaign() != null && !lead.campaign().isBlank() && campaign == null) {
            violations.add(new Problem.Violation("campaign", "no campaign with the code " + lead.campaign()));
        } else if (campaign != null && campaign.status == CampaignStatus.STOPPED) {
            violations.add(new Problem.Violation("campaign", "campaign " + lead.campaign() + " is STOPPED"));
        }
        String phone = null;
        if (lead.contact() != null && lead.contact().phone() != null && !lead.contact().phone().isBlank()) {
            phone = e164(lead.contact().phone());
            if (phone == null) {
                violations.add(new Problem.Violation("contact.phone", "must be a valid phone number"));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new InvalidRequestException(violations);
        }
        String email = lead.contact().email() == null || lead.contact().email().isBlank() ? null
                : lead.contact().email().strip().toLowerCase(Locale.ROOT);
        Segment segment = lead.segment() != null ? lead.segment() : campaign.segment;
        return new CheckedLead(lead, campaign, segment, email, phone);
    }

    private static String e164(String phone) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone, "DE");
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
