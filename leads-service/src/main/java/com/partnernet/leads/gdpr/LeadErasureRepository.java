package com.partnernet.leads.gdpr;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The audit of erasures. */
@ApplicationScoped
public class LeadErasureRepository implements PanacheRepositoryBase<LeadErasure, UUID> {
}
