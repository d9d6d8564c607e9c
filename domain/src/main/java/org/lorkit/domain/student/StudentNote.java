package org.lorkit.domain.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/** A note agency staff keep about a student (a call, a plan, a worry). Written once, never changed. */
@Entity
@Table(name = "STUDENT_NOTE")
@NamedQuery(name = "StudentNote.findByStudent",
        query = "select n from StudentNote n where n.student = :student order by n.writtenAt desc, n.id desc")
public class StudentNote extends TenantOwnedEntity {
    public static final int MAX_LENGTH = 2000;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "STUDENT_ID")
    private Student student;

    @Column(nullable = false, length = 200)
    private String author;

    @Column(nullable = false, length = MAX_LENGTH)
    private String text;

    @Column(name = "WRITTEN_AT", nullable = false)
    private Instant writtenAt;

    protected StudentNote() {
    }

    public StudentNote(Student student, String author, String text, Instant writtenAt) {
        this.student = Require.present("student", student);
        this.author = Require.text("author", author, 200);
        this.text = Require.text("text", text, MAX_LENGTH);
        this.writtenAt = Require.present("writtenAt", writtenAt);
    }

    public String getAuthor() {
        return author;
    }

    public String getText() {
        return text;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }
}
