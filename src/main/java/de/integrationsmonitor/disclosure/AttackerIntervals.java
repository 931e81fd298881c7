package de.integrationsmonitor.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an outsider can work out about a hidden cell from everything published beside it: the smallest and the
 * largest value the cell can take subject to the table's relations (with the published figures as constants) and
 * non-negativity. Two linear programmes per cell, solved with commons-math3's {@link SimplexSolver}.
 */
final class AttackerIntervals {

    private final ProtectedTable table;
    private final List<CellStatus> statuses;
    private final Map<Integer, Integer> variable = new HashMap<>();
    /** Per relation with a hidden cell: the coefficients over all hidden cells and the published constant. */
    private final List<double[]> rows = new ArrayList<>();

    private final List<Double> constants = new ArrayList<>();
    /** The hidden cells linked through relations form components; each cell's programme is its component's. */
    private final int[] component;

    AttackerIntervals(ProtectedTable table, List<CellStatus> statuses) {
        this.table = table;
        this.statuses = statuses;
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).hidden()) {
                variable.put(i, variable.size());
            }
        }
        for (Relation r : table.relations()) {
            double[] coefficients = new double[variable.size()];
            double constant = 0; // total - sum(parts) = 0, the published figures moved to the right-hand side
            boolean anyHidden = false;
            anyHidden |= term(r.total(), 1, coefficients);
            if (!variable.containsKey(r.total())) {
                constant -= value(r.total());
            }
            for (int p : r.parts()) {
                anyHidden |= term(p, -1, coefficients);
                if (!variable.containsKey(p)) {
                    constant += value(p);
                }
            }
            if (anyHidden) {
                rows.add(coefficients);
                constants.add(constant);
            }
        }
        component = new int[variable.size()];
        for (int i = 0; i < component.length; i++) {
            component[i] = i;
        }
        for (double[] row : rows) {
            int first = -1;
            for (int v = 0; v < row.length; v++) {
                if (row[v] != 0) {
                    if (first < 0) {
                        first = v;
                    } else {
                        component[root(v)] = root(first);
                    }
                }
            }
        }
    }

    private int root(int v) {
        while (component[v] != v) {
            component[v] = component[component[v]];
            v = component[v];
        }
        return v;
    }

    private boolean term(int cell, double sign, double[] coefficients) {
        Integer v = variable.get(cell);
        if (v == null) {
            return false;
        }
        coefficients[v] += sign;
        return true;
    }

    private double value(int cell) {
        return table.cells().get(cell).value().map(BigDecimal::doubleValue).orElseThrow();
    }

    /** The interval an outsider derives for a hidden cell. */
    Interval of(int cell) {
        Integer v = variable.get(cell);
        if (v == null) {
            throw new IllegalArgumentException("cell " + table.cells().get(cell).key() + " is published");
        }
        // alone in a relation among published figures: the difference gives it exactly, no programme needed
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            if (row[v] != 0
                    && java.util.stream.IntStream.range(0, row.length)
                                    .filter(w -> row[w] != 0)
                                    .count()
                            == 1) {
                double exact = constants.get(r) / row[v];
                return new Interval(exact, exact);
            }
        }
        // the programme over the cell's component only: the other hidden cells do not bear on it
        int mine = root(v);
        List<Integer> members = new ArrayList<>();
        int position = -1;
        for (int w = 0; w < component.length; w++) {
            if (root(w) == mine) {
                if (w == v) {
                    position = members.size();
                }
                members.add(w);
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            double[] reduced = new double[members.size()];
            boolean touches = false;
            for (int m = 0; m < members.size(); m++) {
                reduced[m] = row[members.get(m)];
                touches |= reduced[m] != 0;
            }
            if (touches) {
                constraints.add(new LinearConstraint(reduced, Relationship.EQ, constants.get(r)));
            }
        }
        if (constraints.isEmpty()) {
            return new Interval(0, Double.POSITIVE_INFINITY);
        }
        // the cell's non-negativity once more as an explicit constraint: with NonNegativeConstraint alone,
        // SimplexSolver 3.6.1 maximises x2 subject to x1 + x2 + x3 = 1200 as 0 (it stops at the first feasible
        // vertex). Stopping early errs on the safe side (a narrower interval, so more suppression), never the other.
        double[] unit = new double[members.size()];
        unit[position] = 1;
        constraints.add(new LinearConstraint(unit, Relationship.GEQ, 0));
        double[] objective = new double[members.size()];
        objective[position] = 1;
        double low = solve(objective, constraints, GoalType.MINIMIZE);
        double high;
        try {
            high = solve(objective, constraints, GoalType.MAXIMIZE);
        } catch (UnboundedSolutionException e) {
            high = Double.POSITIVE_INFINITY;
        }
        // the true value is a feasible point: an interval without it is the solver's error, never a safe answer
        double truth = value(cell);
        if (low > truth + Suppression.TOLERANCE || high < truth - Suppression.TOLERANCE) {
            throw new IllegalStateException("table " + table.name() + ", cell "
                    + table.cells().get(cell).key() + ": the linear programme gave " + new Interval(low, high)
                    + ", which misses its value " + truth);
        }
        return new Interval(low, high);
    }

    private double solve(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair optimum = new SimplexSolver()
                    .optimize(
                            new MaxIter(100_000),
                            new LinearObjectiveFunction(objective, 0),
                            new LinearConstraintSet(constraints),
                            goal,
                            new NonNegativeConstraint(true));
            return optimum.getValue();
        } catch (NoFeasibleSolutionException e) {
            throw new IllegalArgumentException(
                    "table " + table.name() + ": the published figures contradict its"
                            + " relations (a total differs from the sum of its parts); nothing can be checked",
                    e);
        }
    }
}
