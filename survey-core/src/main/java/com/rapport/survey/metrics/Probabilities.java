package com.rapport.survey.metrics;

/**
 * The two distributions the comparison tests need: the standard normal and Student's t.
 */
final class Probabilities {

	private static final double[] LANCZOS = { 76.18009172947146, -86.50532032941677, 24.01409824083091,
			-1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5 };

	private Probabilities() {
	}

	/** Two-sided p-value of a standard normal statistic. */
	static double normalTwoSided(double z) {
		return erfc(Math.abs(z) / Math.sqrt(2));
	}

	/** Two-sided p-value of a t statistic with {@code df} degrees of freedom. */
	static double studentTwoSided(double t, double df) {
		if (Double.isInfinite(t)) {
			return 0;
		}
		return regularizedBeta(df / (df + t * t), df / 2, 0.5);
	}

	/**
	 * The complementary error function (Numerical Recipes' Chebyshev fit, relative error
	 * below 1.2e-7 everywhere).
	 */
	static double erfc(double x) {
		double z = Math.abs(x);
		double t = 1 / (1 + 0.5 * z);
		double r = t * Math
			.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
					+ t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
		return (x >= 0) ? r : 2 - r;
	}

	static double logGamma(double x) {
		double y = x;
		double tmp = x + 5.5;
		tmp -= (x + 0.5) * Math.log(tmp);
		double ser = 1.000000000190015;
		for (double c : LANCZOS) {
			ser += c / ++y;
		}
		return -tmp + Math.log(2.5066282746310005 * ser / x);
	}

	/** The regularized incomplete beta function I_x(a, b). */
	static double regularizedBeta(double x, double a, double b) {
		if (x <= 0) {
			return 0;
		}
		if (x >= 1) {
			return 1;
		}
		double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
		if (x < (a + 1) / (a + b + 2)) {
			return front * continuedFraction(x, a, b) / a;
		}
		return 1 - front * continuedFraction(1 - x, b, a) / b;
	}

	private static double continuedFraction(double x, double a, double b) {
		final double tiny = 1e-300;
		double c = 1;
		double d = 1 - (a + b) * x / (a + 1);
		d = (Math.abs(d) < tiny) ? tiny : d;
		d = 1 / d;
		double h = d;
		for (int m = 1; m <= 300; m++) {
			int m2 = 2 * m;
			double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
			d = 1 + aa * d;
			d = (Math.abs(d) < tiny) ? tiny : d;
			c = 1 + aa / c;
			c = (Math.abs(c) < tiny) ? tiny : c;
			d = 1 / d;
			h *= d * c;
			aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
			d = 1 + aa * d;
			d = (Math.abs(d) < tiny) ? tiny : d;
			c = 1 + aa / c;
			c = (Math.abs(c) < tiny) ? tiny : c;
			d = 1 / d;
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) < 1e-12) {
				break;
			}
		}
		return h;
	}

}
