package org.digitbench.run.exec.slurm;

import org.digitbench.api.DigitbenchException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slurm's own commands (sbatch, squeue, scontrol, sacct, scancel, sinfo), run as processes. */
public final class SlurmCommands implements Slurm {
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S*)");

    /** What a command printed, and how it ended. */
    record Output(int code, String out, String err) {
    }

    /** Runs a command, giving up after a minute. */
    static Output exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            var errors = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            var out = p.getInputStream().readAllBytes();
            var err = errors.join();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DigitbenchException(command.getFirst() + " did not answer within a minute: is Slurm's controller up?");
            }
            return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DigitbenchException("cannot run " + command.getFirst() + " (" + e.getMessage() + "): --executor slurm needs "
                    + "Slurm's commands on the PATH of the machine that runs digitbench (a cluster's login node)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DigitbenchException("interrupted while " + command.getFirst() + " ran", e);
        }
    }

    private static Output checked(List<String> command) {
        Output o = exec(command);
        if (o.code() != 0) {
            throw new DigitbenchException(String.join(" ", command) + " failed (exit code " + o.code() + "): "
                    + (o.err().isBlank() ? o.out() : o.err()).strip());
        }
        return o;
    }

    @Override
    public String submit(Path script) {
        String out = checked(List.of("sbatch", "--parsable", script.toString())).out().strip();
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out; // "id;cluster" on federated clusters
        if (!id.matches("\\d+")) {
            throw new DigitbenchException("sbatch " + script + " printed '" + out + "' where a job id was expected");
        }
        return id;
    }

    @Override
    public Map<String, Job> queue(String jobName) {
        Output o = checked(List.of("squeue", "-h", "-r", "--name=" + jobName, "-o", "%i|%T|%r|%N"));
        return parseQueue(o.out());
    }

    /** squeue's {@code %i|%T|%r|%N} lines. */
    static Map<String, Job> parseQueue(String text) {
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length >= 4 && !f[0].isEmpty()) {
                jobs.put(f[0], new Job(f[1], blank(f[2]), blank(f[3]), null));
            }
        }
        return jobs;
    }

    @Override
    public Optional<Job> ended(String jobId) {
        Output o = exec(List.of("scontrol", "-o", "show", "job", jobId));
        if (o.code() == 0 && o.out().contains("JobState=")) {
            return Optional.of(parseScontrol(o.out()));
        }
        Output a = exec(List.of("sacct", "-n", "-X", "-P", "-j", jobId, "-o", "State,Reason,NodeList,ExitCode"));
        if (a.code() == 0) {
            for (String line : a.out().split("\\R")) {
                String[] f = line.strip().split("\\|", -1);
                if (f.length >= 4 && !f[0].isEmpty()) {
                    return Optional.of(new Job(f[0].split(" ")[0], blank(f[1]), blank(f[2]), blank(f[3])));
                }
            }
        }
        return Optional.empty();
    }

    /** One line of {@code scontrol -o show job}. */
    static Job parseScontrol(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return new Job(fields.get("JobState"), blank(fields.get("Reason")), blank(fields.get("NodeList")), fields.get("ExitCode"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() || "None".equals(s) || "(null)".equals(s) ? null : s.strip();
    }

    @Override
    public void cancel(List<String> jobIds) {
        if (!jobIds.isEmpty()) {
            List<String> command = new ArrayList<>(List.of("scancel"));
            command.addAll(jobIds);
            checked(command);
        }
    }

    @Override
    public List<Integer> nodeCores(String partition) {
        List<String> command = new ArrayList<>(List.of("sinfo", "-h", "-N", "-o", "%c"));
        if (partition != null) {
            command.addAll(List.of("-p", partition));
        }
        List<Integer> cores = new ArrayList<>();
        for (String line : checked(command).out().split("\\R")) {
            if (line.strip().matches("\\d+")) {
                cores.add(Integer.parseInt(line.strip()));
            }
        }
        return cores;
    }
}
