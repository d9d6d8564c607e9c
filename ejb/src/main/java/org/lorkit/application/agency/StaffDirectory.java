package org.lorkit.application.agency;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** PLACEHOLDER until wip-digest merges (the helper's Keycloak-backed version replaces this file). */
@ApplicationScoped
public class StaffDirectory {
    public record StaffMember(String userId, String email, String fullName, boolean admin) implements java.io.Serializable {
    }

    public List<StaffMember> staff() {
        return List.of();
    }

    public List<StaffMember> admins() {
        return List.of();
    }
}
