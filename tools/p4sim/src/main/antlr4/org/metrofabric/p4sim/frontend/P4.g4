/*
 * P4_16 grammar for the subset p4sim compiles: the v1model declarations it ships, the
 * conformance corpus and a leaf-spine fabric program. Input is already preprocessed.
 * '>>' is never a token: a shift right is two adjacent '>' so that nested type
 * arguments such as lookahead<bit<8>>() lex correctly (adjacency is checked later).
 */
grammar P4;

program : declaration* EOF ;

declaration
    : constantDeclaration
    | externDeclaration
    | actionDeclaration
    | functionDeclaration
    | parserDeclaration
    | controlDeclaration
    | typeDeclaration
    | instantiation
    | errorDeclaration
    | matchKindDeclaration
    | ';'
    ;

// ---------------------------------------------------------------- names, annotations
name
    : IDENTIFIER | 'key' | 'actions' | 'entries' | 'apply' | 'state' | 'type' | 'priority'
    ;

annotations : annotation+ ;
annotation : '@' name ( '(' annotationBody ')' )? ;
annotationBody : annotationToken* ;
annotationToken : '(' annotationBody ')' | ~( '(' | ')' ) ;

// ---------------------------------------------------------------- types
typeRef
    : baseType
    | typeName
    | specializedType
    | headerStackType
    | tupleType
    ;
baseType
    : 'bool'
    | 'error'
    | 'string'
    | 'int'
    | 'bit'
    | 'bit' '<' INTEGER '>'
    | 'int' '<' INTEGER '>'
    | 'varbit' '<' INTEGER '>'
    | 'bit' '<' '(' expression ')' '>'
    | 'int' '<' '(' expression ')' '>'
    ;
typeName : name ;
specializedType : typeName '<' typeArgumentList '>' ;
headerStackType : ( typeName | specializedType ) '[' expression ']' ;
tupleType : 'tuple' '<' typeArgumentList '>' ;
typeArgumentList : typeArgument ( ',' typeArgument )* ;
typeArgument : typeRef | '_' ;
typeOrVoid : typeRef | 'void' ;
typeParameters : '<' name ( ',' name )* '>' ;

parameterList : ( parameter ( ',' parameter )* )? ;
parameter : annotations? direction? typeRef name ( '=' expression )? ;
direction : 'in' | 'out' | 'inout' ;

typeDeclaration
    : headerTypeDeclaration
    | headerUnionDeclaration
    | structTypeDeclaration
    | enumDeclaration
    | typedefDeclaration
    | parserTypeDeclaration
    | controlTypeDeclaration
    | packageTypeDeclaration
    ;
headerTypeDeclaration : annotations? 'header' name typeParameters? '{' structField* '}' ;
headerUnionDeclaration : annotations? 'header_union' name typeParameters? '{' structField* '}' ;
structTypeDeclaration : annotations? 'struct' name typeParameters? '{' structField* '}' ;
structField : annotations? typeRef name ';' ;
enumDeclaration
    : annotations? 'enum' name '{' name ( ',' name )* ','? '}'
    | annotations? 'enum' typeRef name '{' specifiedIdentifier ( ',' specifiedIdentifier )* ','? '}'
    ;
specifiedIdentifier : name '=' expression ;
typedefDeclaration : annotations? ( 'typedef' | 'type' ) typeRef name ';' ;
parserTypeDeclaration : annotations? 'parser' name typeParameters? '(' parameterList ')' ';' ;
controlTypeDeclaration : annotations? 'control' name typeParameters? '(' parameterList ')' ';' ;
packageTypeDeclaration : annotations? 'package' name typeParameters? '(' parameterList ')' ';' ;

errorDeclaration : 'error' '{' name ( ',' name )* ','? '}' ;
matchKindDeclaration : 'match_kind' '{' name ( ',' name )* ','? '}' ;

constantDeclaration : annotations? 'const' typeRef name '=' expression ';' ;
variableDeclaration : annotations? typeRef name ( '=' expression )? ';' ;

externDeclaration
    : annotations? 'extern' name typeParameters? '{' methodPrototype* '}'
    | annotations? 'extern' functionPrototype ';'
    ;
methodPrototype
    : annotations? functionPrototype ';'
    | annotations? name '(' parameterList ')' ';'
    | annotations? 'abstract' functionPrototype ';'
    ;
functionPrototype : typeOrVoid name typeParameters? '(' parameterList ')' ;
functionDeclaration : annotations? functionPrototype blockStatement ;

instantiation
    : annotations? typeRef '(' argumentList ')' name ';'
    ;

// ---------------------------------------------------------------- parsers
parserDeclaration
    : annotations? 'parser' name typeParameters? '(' parameterList ')'
      ( '(' parameterList ')' )? '{' parserLocalElement* parserState* '}'
    ;
parserLocalElement : constantDeclaration | instantiation | variableDeclaration ;
parserState : annotations? 'state' name '{' parserStatement* transitionStatement? '}' ;
parserStatement
    : assignmentOrMethodCallStatement
    | parserBlockStatement
    | constantDeclaration
    | variableDeclaration
    | conditionalStatement
    | emptyStatement
    ;
parserBlockStatement : annotations? '{' parserStatement* '}' ;
transitionStatement : 'transition' stateExpression ;
stateExpression
    : name ';'
    | selectExpression
    ;
selectExpression : 'select' '(' expressionList ')' '{' selectCase* '}' ;
selectCase : keysetExpression ':' name ';' ;
keysetExpression
    : '(' simpleKeysetExpression ( ',' simpleKeysetExpression )+ ')'
    | simpleKeysetExpression
    ;
simpleKeysetExpression
    : expression '&&&' expression     # maskKeyset
    | expression '..' expression      # rangeKeyset
    | 'default'                       # defaultKeyset
    | '_'                             # dontCareKeyset
    | expression                      # valueKeyset
    ;

// ---------------------------------------------------------------- controls
controlDeclaration
    : annotations? 'control' name typeParameters? '(' parameterList ')'
      ( '(' parameterList ')' )? '{' controlLocalDeclaration* 'apply' blockStatement '}'
    ;
controlLocalDeclaration
    : constantDeclaration
    | actionDeclaration
    | tableDeclaration
    | instantiation
    | variableDeclaration
    ;
actionDeclaration : annotations? 'action' name '(' parameterList ')' blockStatement ;

tableDeclaration : annotations? 'table' name '{' tableProperty+ '}' ;
tableProperty
    : 'key' '=' '{' keyElement* '}'                                    # keyProperty
    | 'actions' '=' '{' ( actionRef ';' )* '}'                         # actionsProperty
    | annotations? 'const'? 'entries' '=' '{' entry* '}'               # entriesProperty
    | annotations? 'const'? name '=' expression ';'                    # simpleProperty
    ;
keyElement : expression ':' name annotations? ';' ;
actionRef : annotations? name ( '(' argumentList ')' )? ;
entry : annotations? keysetExpression ':' actionRef annotations? ';' ;

// ---------------------------------------------------------------- statements
statement
    : assignmentOrMethodCallStatement
    | conditionalStatement
    | emptyStatement
    | blockStatement
    | exitStatement
    | returnStatement
    | switchStatement
    | variableDeclaration
    | constantDeclaration
    ;
assignmentOrMethodCallStatement
    : expression '=' expression ';'     # assignmentStatement
    | expression ';'                    # callStatement
    ;
emptyStatement : ';' ;
blockStatement : annotations? '{' statement* '}' ;
exitStatement : 'exit' ';' ;
returnStatement : 'return' expression? ';' ;
conditionalStatement : 'if' '(' expression ')' statement ( 'else' statement )? ;
switchStatement : 'switch' '(' expression ')' '{' switchCase* '}' ;
switchCase : switchLabel ':' blockStatement? ;
switchLabel : 'default' | expression ;

// ---------------------------------------------------------------- expressions
argumentList : ( argument ( ',' argument )* )? ;
argument : expression | name '=' expression | '_' ;
expressionList : ( expression ( ',' expression )* )? ;

expression
    : INTEGER                                                     # integerLiteral
    | ( 'true' | 'false' )                                        # boolLiteral
    | STRING_LITERAL                                              # stringLiteral
    | 'this'                                                      # thisExpression
    | '.' name                                                    # topLevelName
    | name                                                        # nameExpression
    | 'error' '.' name                                            # errorMember
    | '{' expressionList '}'                                      # listExpression
    | '{' name '=' expression ( ',' name '=' expression )* '}'    # structInitializer
    | '(' expression ')'                                          # parenthesized
    | expression '.' name                                         # member
    | expression '[' expression ':' expression ']'                # slice
    | expression '[' expression ']'                               # index
    | expression '<' typeArgumentList '>' '(' argumentList ')'    # genericCall
    | expression '(' argumentList ')'                             # call
    | '(' typeRef ')' expression                                  # cast
    | op=( '!' | '~' | '-' | '+' ) expression                     # unary
    | expression op=( '*' | '/' | '%' ) expression                # binary
    | expression op=( '++' | '+' | '-' | '|+|' | '|-|' ) expression  # binary
    | expression ( '<<' | '>' '>' ) expression                    # shift
    | expression op='&' expression                                # binary
    | expression op='^' expression                                # binary
    | expression op='|' expression                                # binary
    | expression op=( '<=' | '>=' | '<' | '>' ) expression        # binary
    | expression op=( '==' | '!=' ) expression                    # binary
    | expression op='&&' expression                               # binary
    | expression op='||' expression                               # binary
    | <assoc=right> expression '?' expression ':' expression      # ternary
    ;

// ---------------------------------------------------------------- lexer
INTEGER
    : ( [0-9]+ [ws] )? ( '0' [xX] [0-9a-fA-F_]+ | '0' [bB] [01_]+ | '0' [oO] [0-7_]+
                       | '0' [dD] [0-9_]+ | [0-9] [0-9_]* )
    ;
STRING_LITERAL : '"' ( '\\' . | ~[\\"\r\n] )* '"' ;
IDENTIFIER : [A-Za-z_] [A-Za-z0-9_]* ;
WS : [ \t\r\n\f]+ -> skip ;
LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
UNKNOWN_CHAR : . ;
