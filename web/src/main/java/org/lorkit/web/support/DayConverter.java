package org.lorkit.web.support;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.LocalDate;
import org.lorkit.domain.shared.Dates;

/**
 * Every date field: shows "29 Dec 2026" as pages do, and takes that or 2026-12-29 ({@link Dates#parse}). Used with
 * PrimeFaces' date picker ({@code <f:converter converterId="lorkit.day"/>}, {@code pattern="#{format.inputPattern}"}),
 * so a day typed by hand in either form is read, and one it cannot read is refused next to the field in words.
 */
@FacesConverter("lorkit.day")
public class DayConverter implements Converter<LocalDate> {
    @Override
    public LocalDate getAsObject(FacesContext context, UIComponent component, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return Dates.parse(typed).orElseThrow(() -> new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR,
                Messages.text("common.notADate", typed.trim(), Dates.INPUT_HINT), null)));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDate day) {
        return Dates.day(day);
    }
}
