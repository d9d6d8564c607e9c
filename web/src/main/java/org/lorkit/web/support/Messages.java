package org.lorkit.web.support;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.lorkit.domain.shared.DomainException;

/**
 * Turns what a service refused into messages next to the fields they concern (or at the top of the
 * form), in the words the service used. The input stays on the page: the view-scoped bean keeps it.
 */
public final class Messages {
    public static final String BUNDLE = "org.lorkit.web.messages";

    private Messages() {
    }

    /**
     * A text of the pages' bundle ({@code messages.properties}, as {@code #{msg[key]}} on a page), with its arguments
     * put in by {@link MessageFormat} when there are any.
     */
    public static String text(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, Messages.class.getClassLoader()).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.US).format(arguments);
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    /**
     * Runs what a form's button asked for. What the service refused (a business rule, a constraint on a parameter, a
     * missing right) is reported next to the field of {@code formId} it concerns, or at the top, and the input stays;
     * anything else goes on to the error page. The one way pages report a refusal.
     *
     * @return whether the action went through
     */
    public static boolean attempt(String formId, Runnable action) {
        try {
            action.run();
            return true;
        } catch (DomainException | ConstraintViolationException | EJBAccessException refusal) {
            refused(refusal, formId);
            return false;
        }
    }

    /** Reports a refusal the page itself makes (or a service made); {@code formId} prefixes the field names to find the input they belong to. */
    public static void refused(RuntimeException refusal, String formId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (refusal instanceof ConstraintViolationException violations) {
            for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
                faces.addMessage(clientId(formId, lastNode(violation.getPropertyPath())), error(violation.getMessage()));
            }
        } else if (refusal instanceof DomainException domain) {
            faces.addMessage(clientId(formId, domain.field()), error(domain.getMessage()));
        } else if (refusal instanceof EJBAccessException) {
            faces.addMessage(null, error(Messages.text("common.notAllowed")));
        } else {
            throw refusal;
        }
        faces.validationFailed();
    }

    private static String clientId(String formId, String field) {
        if (field == null) {
            return null;
        }
        String id = formId + ":" + field;
        return FacesContext.getCurrentInstance().getViewRoot().findComponent(":" + id) != null ? id : null;
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }
}
