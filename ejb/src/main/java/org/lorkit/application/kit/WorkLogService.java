package org.lorkit.application.kit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.worklog.SummaryBullet;
import org.lorkit.domain.worklog.SummaryBullets;
import org.lorkit.domain.worklog.WorkLogEntry;
import org.lorkit.domain.worklog.WorkLogKind;
import org.lorkit.infrastructure.persistence.Finder;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The student's work log on a rotation, and the 5 to 8 summary bullets kept from it for the kit. */
@Stateless
@RolesAllowed(Roles.STUDENT)
public class WorkLogService {
    @Inject
    private TenantData tenant;
    @Resource
    private SessionContext session;

    public record Entry(long id, LocalDate date, WorkLogKind kind, String text) implements Serializable {
    }

    /** The summary: the bullets kept so far and those the work log proposes. */
    public record Summary(List<String> kept, List<String> proposed) implements Serializable {
    }

    public Entry add(long rotationId, @NotNull(message = "Date is required") LocalDate date,
                     @NotNull(message = "Kind is required") WorkLogKind kind,
                     @NotBlank(message = "Say what you did") @Size(max = 2000, message = "Keep an entry to 2000 characters") String text) {
        EntityManager em = tenant.em();
        WorkLogEntry entry = new WorkLogEntry(ownRotation(em, rotationId), date, kind, text);
        em.persist(entry);
        em.flush();
        return new Entry(entry.getId(), entry.getEntryDate(), entry.getKind(), entry.getText());
    }

    public List<Entry> entries(long rotationId) {
        EntityManager em = tenant.em();
        return entriesOf(em, ownRotation(em, rotationId)).stream()
                .map(e -> new Entry(e.getId(), e.getEntryDate(), e.getKind(), e.getText())).toList();
    }

    public Summary summary(long rotationId) {
        EntityManager em = tenant.em();
        Rotation rotation = ownRotation(em, rotationId);
        return new Summary(bullets(em, rotation), SummaryBullets.propose(entriesOf(em, rotation)));
    }

    /** Replaces the kept bullets with these, in this order: 5 to 8 of at most 300 characters, or nothing changes. */
    public List<String> keepBullets(long rotationId, List<String> bullets) {
        List<String> checked = SummaryBullets.check(bullets);
        EntityManager em = tenant.em();
        Rotation rotation = ownRotation(em, rotationId);
        em.createNamedQuery("SummaryBullet.findByRotation", SummaryBullet.class).setParameter("rotation", rotation)
                .getResultList().forEach(em::remove);
        em.flush();
        for (int i = 0; i < checked.size(); i++) {
            em.persist(new SummaryBullet(rotation, i + 1, checked.get(i)));
        }
        em.flush();
        return checked;
    }

    static List<String> bullets(EntityManager em, Rotation rotation) {
        return em.createNamedQuery("SummaryBullet.findByRotation", SummaryBullet.class).setParameter("rotation", rotation)
                .getResultList().stream().map(SummaryBullet::getText).toList();
    }

    private static List<WorkLogEntry> entriesOf(EntityManager em, Rotation rotation) {
        return em.createNamedQuery("WorkLogEntry.findByRotation", WorkLogEntry.class).setParameter("rotation", rotation).getResultList();
    }

    private Rotation ownRotation(EntityManager em, long rotationId) {
        Rotation rotation = tenant.require(Rotation.class, rotationId, "rotationId");
        if (!rotation.getStudent().getEmail().equals(Caller.login(session))) {
            throw Finder.notFound(Rotation.class, rotationId, "rotationId");
        }
        return rotation;
    }
}
