package com.partnernet.leads.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.partnernet.chassis.error.InvalidRequestException;
import com.partnernet.chassis.web.Problem;
import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignRepository;
import com.partnernet.leads.campaign.CampaignStatus;
import com.partnernet.leads.campaign.Segment;

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

    private final CampaignRepository campaigns;

    public LeadCheck(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    /** @throws InvalidRequestException naming every field that is wrong */
    public CheckedLead check(InboundLead lead) {
        List<Problem.Violation> violations = new ArrayList<>();
        Campaign campaign = campaigns.findByCode(lead.campaign()).orElse(null);
        if (campaign == null) {
            violations.add(new Problem.Violation("campaign", "no campaign with the code " + lead.campaign()));
        } else if (campaign.status == CampaignStatus.STOPPED) {
            violations.add(new Problem.Violation("campaign", "campaign " + lead.campaign() + " is STOPPED"));
        }
        String phone = null;
        if (lead.contact().phone() != null && !lead.contact().phone().isBlank()) {
            phone = e164(lead.contact().phone());
            if (phone == null) {
                violations.add(new Problem.Violation("contact.phone", "must be a valid phone number"));
            }
        }
        if (!violations.isEmpty()) {
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
