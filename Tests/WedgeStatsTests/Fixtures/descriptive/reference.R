# SPDX-License-Identifier: Apache-2.0
# Written with R 4.2.2 (Debian), base packages only.
# Reference values for WedgeStats' descriptive statistics (SampleSummary, Quantile, StandardizedDifference).
# Run from this folder: Rscript reference.R   (writes summary.csv and smd.csv)
# Base R only: mean, sd, quantile(type = 7); the SMD formulas of Austin (2009) and Yang & Dalton (2012),
# written out as R's tableone package computes them (tableone:::StdDiff, tableone:::StdDiffMulti, which use
# MASS::ginv; solve() agrees when S is positive definite).

fmt <- function(x) ifelse(is.na(x), "", trimws(formatC(x, digits = 17, format = "g")))

samples <- list(
  a = c(44, 45, 31, 52, 38, 29, 61, 47, 33, 40),
  b = c(3.5, NA, 1.25, 9, 2, NA, 7.75, 4),
  c = c(42),
  d = c(5, 5, 5, 5),
  e = c(-2.5, 1e6, 0.001, 17, -3, 8, 8, 8, 12.5),
  f = c(0, 30, 30, 14, 21, 28, 30, 7, 0, 30, 25)
)
rows <- lapply(names(samples), function(name) {
  x <- samples[[name]]
  y <- x[!is.na(x)]
  q <- quantile(y, c(0.25, 0.5, 0.75, 0.1, 0.9), type = 7, names = FALSE)
  data.frame(sample = name, values = paste(ifelse(is.na(x), "NA", trimws(formatC(x, digits = 17, format = "g"))), collapse = ";"),
             n = length(y), missing = sum(is.na(x)), mean = fmt(mean(y)),
             sd = fmt(if (length(y) > 1) sd(y) else NA), q25 = fmt(q[1]), median = fmt(q[2]), q75 = fmt(q[3]),
             q10 = fmt(q[4]), q90 = fmt(q[5]), min = fmt(min(y)), max = fmt(max(y)))
})
write.csv(do.call(rbind, rows), "summary.csv", row.names = FALSE, quote = FALSE)

smd_cont <- function(m1, s1, m2, s2) abs(m1 - m2) / sqrt((s1^2 + s2^2) / 2)
smd_bin <- function(p1, p2) abs(p1 - p2) / sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2)
smd_multi <- function(p1, p2) {
  keep <- (p1 > 0 | p2 > 0)
  p1 <- p1[keep]; p2 <- p2[keep]
  t <- p1[-1]; c <- p2[-1]
  k <- length(t)
  s <- matrix(0, k, k)
  for (i in 1:k) for (j in 1:k) {
    s[i, j] <- if (i == j) (t[i] * (1 - t[i]) + c[i] * (1 - c[i])) / 2 else -(t[i] * t[j] + c[i] * c[j]) / 2
  }
  d <- t - c
  sqrt(as.numeric(t(d) %*% solve(s) %*% d))
}
smd <- rbind(
  data.frame(kind = "continuous", a = "44.2;11.3", b = "39.8;9.6", smd = fmt(smd_cont(44.2, 11.3, 39.8, 9.6))),
  data.frame(kind = "continuous", a = "0;1", b = "-0.25;3", smd = fmt(smd_cont(0, 1, -0.25, 3))),
  data.frame(kind = "binary", a = "0.409", b = "0.595", smd = fmt(smd_bin(0.409, 0.595))),
  data.frame(kind = "binary", a = "0.378", b = "0.642", smd = fmt(smd_bin(0.378, 0.642))),
  data.frame(kind = "categorical", a = "0.5;0.3;0.2", b = "0.4;0.4;0.2", smd = fmt(smd_multi(c(0.5, 0.3, 0.2), c(0.4, 0.4, 0.2)))),
  data.frame(kind = "categorical", a = "0.45;0.25;0.2;0.1", b = "0.3;0.35;0.15;0.2",
             smd = fmt(smd_multi(c(0.45, 0.25, 0.2, 0.1), c(0.3, 0.35, 0.15, 0.2)))),
  data.frame(kind = "categorical", a = "0.6;0;0.4", b = "0.5;0;0.5", smd = fmt(smd_multi(c(0.6, 0, 0.4), c(0.5, 0, 0.5)))),
  data.frame(kind = "categorical", a = "0.7;0.3", b = "0.55;0.45", smd = fmt(smd_multi(c(0.7, 0.3), c(0.55, 0.45))))
)
write.csv(smd, "smd.csv", row.names = FALSE, quote = FALSE)
