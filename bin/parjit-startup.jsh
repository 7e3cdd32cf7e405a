import dev.parjit.*;
import dev.parjit.frame.*;
