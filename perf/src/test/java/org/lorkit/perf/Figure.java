package org.lorkit.perf;

import java.util.Locale;

/**
 * One measured figure against its goal, as a line a script can read:
 * {@code figure <name> <value> <unit> goal <goal> <met|missed>} (the goal as {@code <=2} or {@code >=0.5}; a figure that
 * is only reported, with no goal, says {@code goal none reported}). Every benchmark prints one per figure of its goals.
 */
public record Figure(String name, double value, String unit, String comparison, double goal) {
    public static Figure atMost(String name, double value, String unit, double goal) {
        return new Figure(name, value, unit, "<=", goal);
    }

    public static Figure atLeast(String name, double value, String unit, double goal) {
        return new Figure(name, value, unit, ">=", goal);
    }

    public static Figure reported(String name, double value, String unit) {
        return new Figure(name, value, unit, null, Double.NaN);
    }

    public boolean met() {
        return comparison == null || (comparison.equals("<=") ? value <= goal : value >= goal);
    }

    /** The line itself; names and units carry no spaces, so the line splits on them. */
    public String line() {
        if (name.contains(" ") || unit.contains(" ")) {
            throw new IllegalArgumentException("a figure's name and unit carry no spaces: " + name + ", " + unit);
        }
        String goalText = comparison == null ? "none reported" : comparison + number(goal) + " " + (met() ? "met" : "missed");
        return "figure " + name + " " + number(value) + " " + unit + " goal " + goalText;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : String.format(Locale.US, "%.3f", value);
    }
}
