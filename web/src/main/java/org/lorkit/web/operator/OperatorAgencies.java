package org.lorkit.web.operator;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.agency.AgencyService;
import org.lorkit.application.agency.AgencyView;

import java.io.Serializable;
import java.util.List;

/** Every agency on the platform. */
@Named
@ViewScoped
public class OperatorAgencies implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AgencyService agencies;

    private List<AgencyView> all = List.of();

    public void load() {
        all = agencies.list();
    }

    public List<AgencyView> getAll() {
        return all;
    }
}
