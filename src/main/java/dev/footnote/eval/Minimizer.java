package dev.footnote.eval;

import java.util.function.Function;

/**
 * BFGS with a backtracking (Armijo) line search, for the small smooth convex losses of {@link CalibrationFit}: run to
 * a gradient norm of 1e-9, so the result is the optimum itself, not a point an iteration budget stopped at.
 */
final class Minimizer {
    static final double TOLERANCE = 1e-9;
    static final int MAX_ITERATIONS = 10_000;

    /** A loss and its gradient at one point. */
    record Value(double loss, double[] grad) {
    }

    private Minimizer() {
    }

    static double[] minimize(Function<double[], Value> f, double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[][] h = identity(n); // inverse Hessian estimate
        Value v = f.apply(x);
        for (int it = 0; it < MAX_ITERATIONS && norm(v.grad()) > TOLERANCE; it++) {
            double[] dir = times(h, v.grad());
            for (int i = 0; i < n; i++) dir[i] = -dir[i];
            double slope = dot(dir, v.grad());
            if (slope >= 0) { // not a descent direction: restart from steepest descent
                h = identity(n);
                dir = v.grad().clone();
                for (int i = 0; i < n; i++) dir[i] = -dir[i];
                slope = dot(dir, v.grad());
            }
            double step = 1;
            double[] next;
            Value nv;
            while (true) {
                next = new double[n];
                for (int i = 0; i < n; i++) next[i] = x[i] + step * dir[i];
                nv = f.apply(next);
                if (nv.loss() <= v.loss() + 1e-4 * step * slope || step < 1e-20) break;
                step /= 2;
            }
            // no further progress possible in double precision: the gradient's rounding noise exceeds the tolerance
            if (step < 1e-20 || nv.loss() >= v.loss()) break;
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = next[i] - x[i];
                y[i] = nv.grad()[i] - v.grad()[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-16) h = update(h, s, y, sy);
            x = next;
            v = nv;
        }
        return x;
    }

    /** The BFGS update of the inverse Hessian: (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ. */
    private static double[][] update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1 / sy;
        double[] hy = times(h, y);
        double yhy = dot(y, hy);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = h[i][j] - rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
        return out;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) m[i][i] = 1;
        return m;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = dot(m[i], v);
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
