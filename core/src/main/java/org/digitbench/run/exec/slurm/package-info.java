/**
 * {@code --executor slurm}: a run's trials as the tasks of one {@code sbatch --array} job after a marker job,
 * followed with {@code squeue}/{@code scontrol}; Slurm's commands behind an interface so that the tests need no
 * cluster.
 *
 * <p>May import: what {@code run.exec} may, and {@code run.exec}; never {@code run}.
 */
package org.digitbench.run.exec.slurm;
