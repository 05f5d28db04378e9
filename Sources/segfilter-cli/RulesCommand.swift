import ArgumentParser
import SegmentFilter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the built-in rule sets, show one, or check a rule file.",
        subcommands: [List.self, Show.self, Check.self, Analysis.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in rule sets with one line each.")
        func run() throws {
            for name in RuleSet.builtInNames {
                let r = try RuleSet.load(name)
                print("\(name.padding(8))  \(r.description)  (\(r.patterns.count) patterns)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a built-in rule set's file.")
        @Argument(help: "A built-in rule set name.") var name: String
        func run() throws {
            guard let text = RuleSet.builtInText(name) else {
                throw RuleError.unknown(name: name, valid: RuleSet.builtInNames)
            }
            print(text, terminator: "")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate a rule file; errors name the line.")
        @Argument(help: "Path to a .rules file.") var file: String
        func run() throws {
            let path = file.contains("/") ? file : "./" + file
            let r = try RuleSet.load(path)
            print("\(file): ok: rule set '\(r.name)', \(r.patterns.count) patterns")
            // Patterns without a literal every match needs cannot be prefiltered: they run on
            // every eligible paragraph, which is where a slow rule set spends its time.
            for id in try RuleMatcher(r).unfilteredPatternIDs {
                print("\(file): note: pattern '\(id)' has no required literal; it runs on every paragraph (slower). A branch that can match without fixed text, or whose alternatives come to more than \(RuleMatcher.maxLiteralsPerSet) literals, has none: split long word lists into top-level branches (docs/rules.md)")
            }
            let matcher = try RuleMatcher(r)
            for (id, literal) in matcher.singleUnitLeadPatterns {
                print("\(file): note: pattern '\(id)' starts a branch with '\(literal)'; its regex is tried at every occurrence (slower)")
            }
            for (id, literal) in matcher.shortLiteralPatterns {
                print("\(file): note: pattern '\(id)' passes the prefilter wherever '\(literal.debugDescription.dropFirst().dropLast())' occurs (a literal of one or two characters): its whole regex is tried on most paragraphs, unless every branch starts with ^ (slower)")
            }
            for (id, written, instead) in matcher.letterCategoryPatterns {
                print("\(file): note: pattern '\(id)' uses \(written), whose set ICU builds again at every use when the regex compiles; \(instead) is built once (slower start on small inputs; docs/rules.md)")
            }
            for (id, message) in matcher.asWrittenErrors {
                print("\(file): warning: pattern '\(id)' does not compile as written (\(message)); segfilter runs a rewritten form, other tools will reject it")
            }
        }
    }
}

extension RulesCommand {
    /// Writes rules/prefilter.analysis (tools/rules/write-analysis.sh); hidden from help, a
    /// maintainer's step after editing a built-in rule set.
    struct Analysis: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the literal analysis of the built-in rule sets' patterns (for rules/prefilter.analysis).",
            shouldDisplay: false)
        func run() throws {
            let bytes = try RuleSet.builtInAnalysis()
            var done = 0
            while done < bytes.count {
                let n = bytes[done...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
                guard n > 0 else { throw ValidationError("could not write the analysis to standard output") }
                done += n
            }
        }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
